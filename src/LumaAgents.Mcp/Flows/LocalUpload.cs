using System.Globalization;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Tools;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Flows;

/// <summary>
/// Uploads one local file (already checked to be inside the allowed folders) through the SDK's Files client, in two
/// steps so that a caller never loses the id of a file once it exists: <see cref="SendAsync"/> sends the bytes (the SDK
/// picks inline or presigned by size and streams them) and returns the file as created; <see cref="WaitAsync"/> waits
/// until it is ready, with a deadline whose passing is a result, not an error.
/// </summary>
internal static class LocalUpload
{
    /// <summary>Sends the file's bytes and returns the file as created (usually still pending ingest).</summary>
    /// <param name="context">The tools' context.</param>
    /// <param name="realPath">The file's real path, inside an allowed folder.</param>
    /// <param name="fileName">The name sent as <c>filename</c> (also what the media type is told from).</param>
    /// <param name="mimeType">The media type, or null to tell it from <paramref name="fileName"/>'s extension.</param>
    /// <param name="options">Purpose, expiry and user id.</param>
    /// <param name="label">What is uploaded, for progress messages (for example <c>source.path</c>).</param>
    /// <param name="arguments">The argument names to blame in validation errors: the path and the media type.</param>
    /// <param name="progress">Where byte progress goes.</param>
    /// <param name="cancellationToken">The client's cancellation.</param>
    /// <exception cref="LumaValidationException">The file is empty, too large, or of a media type its name does not tell.</exception>
    public static async Task<LumaFile> SendAsync(
        ToolContext context,
        string realPath,
        string fileName,
        string? mimeType,
        FileUploadOptions options,
        string label,
        (string Path, string MediaType) arguments,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            // No FileStream buffer: the SDK reads in chunks of its own.
            stream = new FileStream(realPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LumaValidationException([new LumaValidationError(arguments.Path, $"'{realPath}' could not be read: {e.Message}")]);
        }

        await using (stream.ConfigureAwait(false))
        {
            var sending = options with { WaitUntilReady = false, Progress = progress.ForBytes(stream.Length, label) };
            try
            {
                var created = await context.Files.UploadAsync(stream, fileName, mimeType ?? string.Empty, sending, cancellationToken).ConfigureAwait(false);
                context.Logger.LogUploaded(created.Id, label);
                progress.Report($"Uploaded {label} as file {created.Id} ({created.State.Value})");
                return created;
            }
            catch (LumaValidationException invalid)
            {
                throw new LumaValidationException([.. invalid.Errors.Select(e => Rename(e, fileName, arguments))]);
            }
        }
    }

    /// <summary>Waits until the file is ready; a passed deadline returns the file as last known with <c>TimedOut</c>.</summary>
    /// <exception cref="FileFailedException">Ingest or moderation refused the file, or it was deleted.</exception>
    public static async Task<UploadWait> WaitAsync(ToolContext context, LumaFile created, TimeSpan? timeout, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var time = context.Backend.Time;
        var started = time.GetTimestamp();
        if (created.State == FileState.Ready)
        {
            return new UploadWait(created, TimedOut: false, TimeSpan.Zero);
        }

        try
        {
            var ready = await context.Files.WaitUntilReadyAsync(created.Id, new FileWaitOptions { Timeout = timeout }, cancellationToken).ConfigureAwait(false);
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"File {ready.Id} is ready ({time.GetElapsedTime(started).TotalSeconds:0.#} s)"));
            return new UploadWait(ready, TimedOut: false, time.GetElapsedTime(started));
        }
        catch (LumaTimeoutException)
        {
            // The wait's deadline (transient read failures do not end the wait before it): ingest goes on.
            return new UploadWait(created, TimedOut: true, time.GetElapsedTime(started));
        }
    }

    private static LumaValidationError Rename(LumaValidationError error, string fileName, (string Path, string MediaType) arguments) => error.Path switch
    {
        "mime_type" => new(arguments.MediaType, error.Message.StartsWith("cannot be told", StringComparison.Ordinal)
            ? $"cannot be told from the name '{fileName}'; pass {arguments.MediaType}, for example image/png or video/mp4"
            : error.Message),
        "size_bytes" or "content" or "filename" => new(arguments.Path, error.Message),
        _ => error,
    };
}
