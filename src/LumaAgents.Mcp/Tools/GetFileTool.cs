using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>get_file</c>: reads one uploaded file once.</summary>
internal sealed class GetFileTool : LumaTool
{
    public const string Name = "get_file";

    public GetFileTool(ToolContext context)
        : base(context, Define())
    {
    }

    protected override ErrorSubject Subject => ErrorSubject.File;

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var file = await Context.Files.GetAsync(call.RequiredString("file_id"), cancellationToken).ConfigureAwait(false);
        return new ToolOutcome(FileView.From(file, FileView.NextStep(file)));
    }

    private static ToolDefinition Define() => new(
        Name,
        "Read an uploaded Luma file",
        "Reads one uploaded file of this Luma account once and returns at once (about a second); reads only and bills nothing. Returns its state: "
        + "pending (ingest and moderation under way: read it again in a few seconds), ready (reference it as {\"file_id\": \"…\"}, given in "
        + "reference), failed (refused, with failure_reason; it can never be referenced) or deleted (deleted_at says when; it can no longer be "
        + "referenced); any other state means not usable yet. Also its media type, size, purpose, name, expiry (after expires_at Luma may delete "
        + "it automatically) and user_id. An id this account does not have is a not_found error.",
        Object(null, ("file_id", String("The file's id, as returned by upload_file or list_files."))).Require("file_id"),
        FileSchemas.FileResult(),
        new ToolAnnotations { Title = "Read an uploaded file", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true });
}
