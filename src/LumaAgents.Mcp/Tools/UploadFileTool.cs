using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using LumaAgents.Mcp.Flows;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>upload_file</c>: uploads a local file through the Files API and (by default) waits until it is ready.</summary>
internal sealed partial class UploadFileTool : LumaTool
{
    public const string Name = "upload_file";

    public UploadFileTool(ToolContext context)
        : base(context, Define(context))
    {
    }

    protected override ErrorSubject Subject => ErrorSubject.File;

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var real = Context.Folders.ResolveFileToRead(call.RequiredString("path"), "path");
        var options = new FileUploadOptions
        {
            Purpose = call.String("purpose") is { } purpose ? new FilePurpose(purpose) : (FilePurpose?)null,
            ExpiresAt = ReadExpiry(call.String("expires_at")),
            UserId = call.String("user_id"),
        };
        var name = Path.GetFileName(real);

        await using var progress = new ProgressReporter(call.Request.Server, call.Request.Params?.ProgressToken, Context.Logger);
        var created = await LocalUpload.SendAsync(Context, real, name, call.String("mime_type"), options, name, ("path", "mime_type"), progress, cancellationToken).ConfigureAwait(false);

        var wait = new UploadWait(created, TimedOut: false, TimeSpan.Zero);
        if (call.Boolean("wait_until_ready") ?? true)
        {
            try
            {
                wait = await LocalUpload.WaitAsync(Context, created, call.Seconds("timeout_seconds"), progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A refused file is final; any other failure of the wait leaves a file that may still become ready.
                var resume = e is FileFailedException ? null : $"The file {created.Id} was uploaded; get_file with file_id \"{created.Id}\" tells whether it became ready.";
                var failed = ToolErrors.Describe(e, subject: ErrorSubject.File, file: created, resume: resume);
                failed.Structured["path"] = real;
                return failed;
            }
        }

        var view = FileView.From(wait.File, FileView.NextStep(wait.File));
        view["path"] = real;
        view["waited_seconds"] = Math.Round(wait.Waited.TotalSeconds, 1);
        view["timed_out"] = wait.TimedOut;
        return new ToolOutcome(view);
    }

    /// <summary>An ISO 8601 time with its zone; a time without one would mean different instants on different machines.</summary>
    private static DateTimeOffset? ReadExpiry(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!IsoWithZone().IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw new LumaValidationException([new LumaValidationError(
                "expires_at", $"'{value}' is not an ISO 8601 date and time with a time zone; write it like 2026-12-31T23:00:00Z or 2026-12-31T23:00:00+01:00")]);
        }

        return parsed;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoWithZone();

    internal static (string Name, JsonObject Schema)[] UploadProperties() =>
    [
        ("path", String("The real path of the file that was uploaded.")),
        ("waited_seconds", Number("How long this call waited for the file to become ready.", 0)),
        ("timed_out", Boolean("True when timeout_seconds passed before the file was ready: it is still pending on the server; call get_file later.")),
    ];

    private static ToolDefinition Define(ToolContext context) => new(
        Name,
        "Upload a local file to Luma",
        "Uploads a local image or video to the Luma Files API so that generations can reference it by id, as often as needed: pass "
        + "{\"file_id\": \"<id>\"} as source, in image_ref, as video.start_frame or end_frame, or as a keyframe of create_generation or generate "
        + "(the API then skips fetching a URL or decoding base64 and reuses the file's already moderated copy). Starts no generation and bills "
        + "no job; files calls do not count against the generation rate limits. The file must be inside the allowed folders: "
        + context.Folders.Describe() + $". Up to {FileLimits.MaxSizeBytes / (1024 * 1024 * 1024)} GiB: files up to "
        + $"{FileLimits.DefaultInlineLimit / (1024 * 1024)} MB go in one request, larger ones straight to storage through a presigned URL (the API key is "
        + "never sent there); progress notifications report the bytes sent. Then, by default, it waits until ingest and moderation have made the "
        + $"file ready, for at most timeout_seconds (default {FileWaitOptions.DefaultTimeout.TotalSeconds:0} s): a passed deadline is not an error, the "
        + "result says the file is still pending. A file that ingest or moderation refuses is an error result (file_failed) with the reason. "
        + "Each call uploads a new file. With expires_at, Luma may delete the file automatically after that time; without it no expiry is set. "
        + "Remove a file with delete_file.",
        Object(
            null,
            ("path", String("The file to upload: a path inside the allowed folders, absolute or relative to the first one.")),
            ("purpose", FileSchemas.Purpose("input for the primary subject (for example the image to edit), reference for style or content guidance; absent for the API's default.")),
            ("mime_type", String("The media type, such as image/png or video/mp4; told from the extension (.png .jpg .jpeg .webp .gif .mp4 .mov .webm) when absent.")),
            ("expires_at", String("After this time Luma may delete the file automatically: ISO 8601 with a time zone, such as 2026-12-31T23:00:00Z. Absent for no expiry.")),
            ("user_id", String("Your end user's opaque id, for abuse attribution (no personal data); echoed back on the file.")),
            ("wait_until_ready", Boolean("Wait until the file is ready to reference (default true); false returns it as soon as the bytes are sent, usually still pending.")),
            ("timeout_seconds", Number($"The longest to wait for the file to become ready, 1–{GenerationWait.MaxTimeoutSeconds} s (default {FileWaitOptions.DefaultTimeout.TotalSeconds:0}).", 1, GenerationWait.MaxTimeoutSeconds)))
            .Require("path"),
        FileSchemas.FileResult().With(UploadProperties()).Require([.. FileSchemas.FileProperties().Select(p => p.Name), "next_step", "path", "waited_seconds", "timed_out"]),
        new ToolAnnotations { Title = "Upload a file to Luma", ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true });
}
