using System.Globalization;
using System.Text.Json.Nodes;

namespace LumaAgents.Mcp.Output;

/// <summary>
/// A file as the tools report it: the API's fields, whether it can be referenced now, the exact media input that
/// references it, and (for single-file results) what to do next. Unknown states pass through unchanged.
/// </summary>
internal static class FileView
{
    public static JsonObject From(LumaFile file)
    {
        var ready = file.State == FileState.Ready;
        return new JsonObject
        {
            ["id"] = file.Id,
            ["state"] = file.State.Value,
            ["ready"] = ready,
            ["mime_type"] = file.MimeType,
            ["size_bytes"] = file.SizeBytes,
            ["purpose"] = Text(file.Purpose.Value),
            ["filename"] = file.FileName,
            ["created_at"] = Time(file.CreatedAt),
            ["expires_at"] = Time(file.ExpiresAt),
            ["deleted_at"] = Time(file.DeletedAt),
            ["failure_reason"] = file.FailureReason,
            ["user_id"] = file.UserId,
            ["reference"] = ready ? new JsonObject { ["file_id"] = file.Id } : null,
        };
    }

    public static JsonObject From(LumaFile file, string nextStep)
    {
        var view = From(file);
        view["next_step"] = nextStep;
        return view;
    }

    /// <summary>What to do with a file in its state.</summary>
    public static string NextStep(LumaFile file)
    {
        if (file.State == FileState.Ready)
        {
            return $"Ready. Reference it in create_generation or generate as {{\"file_id\": \"{file.Id}\"}} (for example as source or in image_ref); "
                   + "it can be used in many generations.";
        }

        if (file.State == FileState.Failed)
        {
            return "Failed: ingest or moderation refused the file" + (string.IsNullOrEmpty(file.FailureReason) ? string.Empty : $" ({file.FailureReason})")
                   + ". It can never be referenced; uploading the same bytes again will not help unless the reason says otherwise.";
        }

        if (file.State == FileState.Deleted)
        {
            return "Deleted: it can no longer be referenced. Upload the file again with upload_file to use it.";
        }

        return $"Not ready yet ({(file.State.Value.Length == 0 ? "state unknown" : file.State.Value)}): ingest is under way on the server. "
               + $"Call get_file with file_id \"{file.Id}\" again in a few seconds; reference it only once it is ready.";
    }

    private static string? Text(string value) => value.Length == 0 ? null : value;

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);
}
