using System.Text.Json.Nodes;
using LumaAgents.Mcp.Output;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>delete_file</c>: deletes an uploaded file; deleting one already deleted succeeds.</summary>
internal sealed class DeleteFileTool : LumaTool
{
    public const string Name = "delete_file";

    public DeleteFileTool(ToolContext context)
        : base(context, Define())
    {
    }

    protected override ErrorSubject Subject => ErrorSubject.File;

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var id = call.RequiredString("file_id");
        var already = false;
        try
        {
            await Context.Files.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            Context.Logger.LogDeleted(id);
        }
        catch (LumaNotFoundException)
        {
            // The API answers 404 to a second delete; a read tells an earlier delete from an id this account never had.
            if (!await IsDeletedAsync(id, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            already = true;
        }

        return new ToolOutcome(new JsonObject
        {
            ["file_id"] = id,
            ["deleted"] = true,
            ["already_deleted"] = already,
            ["next_step"] = already
                ? "The file had already been deleted; nothing changed. It can no longer be referenced."
                : "Deleted. The file can no longer be referenced; generations that name its file_id are refused. Upload it again with upload_file to use it.",
        });
    }

    private async Task<bool> IsDeletedAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await Context.Files.GetAsync(id, cancellationToken).ConfigureAwait(false)).State == FileState.Deleted;
        }
        catch (LumaNotFoundException)
        {
            return false;
        }
    }

    private static ToolDefinition Define() => new(
        Name,
        "Delete an uploaded Luma file",
        "Deletes an uploaded file of this Luma account (the API's soft delete): from then on it can no longer be referenced, and a generation "
        + "that names its file_id is refused. There is no undo: to use the file again, upload it again. Returns at once (about a second) and "
        + "bills nothing. Idempotent: deleting a file that is already deleted succeeds and says already_deleted; an id this account never had "
        + "is a not_found error.",
        Object(null, ("file_id", String("The id of the file to delete, as returned by upload_file or list_files."))).Require("file_id"),
        Object(
            null,
            ("file_id", String("The file that was deleted.")),
            ("deleted", Boolean("True: the file is deleted now.")),
            ("already_deleted", Boolean("True when it had been deleted before this call (nothing changed).")),
            ("next_step", String("What to do next, in words.")))
            .Require("file_id", "deleted", "already_deleted", "next_step"),
        new ToolAnnotations { Title = "Delete an uploaded file", ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = true, OpenWorldHint = true });
}
