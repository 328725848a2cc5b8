using System.Text.Json.Nodes;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>list_files</c>: one page of the account's uploaded files, newest first.</summary>
internal sealed class ListFilesTool : LumaTool
{
    public const string Name = "list_files";

    public ListFilesTool(ToolContext context)
        : base(context, Define())
    {
    }

    protected override ErrorSubject Subject => ErrorSubject.File;

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var options = new FileListOptions
        {
            Cursor = call.String("cursor"),
            Limit = call.Number("limit") is { } limit ? (int)limit : null,
            Purpose = call.String("purpose") is { } purpose ? new FilePurpose(purpose) : (FilePurpose?)null,
            State = call.String("state") is { } state ? new FileState(state) : (FileState?)null,
        };
        var page = await Context.Files.ListPageAsync(options, cancellationToken).ConfigureAwait(false);

        var files = new JsonArray();
        foreach (var file in page.Data)
        {
            files.Add(FileView.From(file));
        }

        var more = page.HasMore && !string.IsNullOrEmpty(page.NextCursor);
        return new ToolOutcome(new JsonObject
        {
            ["files"] = files,
            ["has_more"] = more,
            ["next_cursor"] = more ? page.NextCursor : null,
            ["next_step"] = more
                ? $"More files: call list_files with cursor \"{page.NextCursor}\" (and the same purpose, state and limit) for the next page."
                : page.Data.Count == 0 ? "No files match." : "This is the last page.",
        });
    }

    private static ToolDefinition Define() => new(
        Name,
        "List uploaded Luma files",
        "Lists the files this Luma account has uploaded, newest first, one page per call: pass the result's next_cursor as cursor to read the "
        + $"next page, while has_more is true. A page holds limit files ({FileLimits.MinListLimit}–{FileLimits.MaxListLimit}; the API's default is 25). "
        + "Filter by purpose (input, reference) and by state (pending, ready, failed, deleted). Reads only; returns at once (about a second) and "
        + "bills nothing. Each file has its id, state, media type, size, name and expiry; a ready file also has the reference to pass as a media "
        + "input ({\"file_id\": \"…\"}).",
        Object(
            null,
            ("cursor", String("Where to start: the next_cursor of the previous page (opaque); absent for the newest files.")),
            ("limit", Integer($"Files per page, {FileLimits.MinListLimit}–{FileLimits.MaxListLimit} (default 25).", FileLimits.MinListLimit, FileLimits.MaxListLimit)),
            ("purpose", FileSchemas.Purpose("Only files uploaded with this purpose.")),
            ("state", FileSchemas.State("Only files in this state."))),
        Object(
            null,
            ("files", Array(FileSchemas.FileEntry(), "The files on this page, newest first.")),
            ("has_more", Boolean("True when there are more files after this page.")),
            ("next_cursor", OrNull(String("Pass this as cursor to read the next page; null on the last page."))),
            ("next_step", String("What to do next, in words.")))
            .Require("files", "has_more", "next_cursor", "next_step"),
        new ToolAnnotations { Title = "List uploaded files", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true });
}
