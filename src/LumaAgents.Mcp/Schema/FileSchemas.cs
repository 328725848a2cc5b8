using System.Text.Json.Nodes;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Schema;

/// <summary>
/// The schemas shared by the Files tools: a file as results report it, and the purpose and state arguments with the
/// SDK's known values (<see cref="FilePurpose.KnownValues"/>, <see cref="FileState.KnownValues"/>).
/// </summary>
internal static class FileSchemas
{
    public static JsonObject Purpose(string description) => Enum(FilePurpose.KnownValues.Select(v => v.Value), description);

    public static JsonObject State(string description) => Enum(FileState.KnownValues.Select(v => v.Value), description);

    /// <summary>The fields of every file result (upload, get, and each entry of a list), all required.</summary>
    public static (string Name, JsonObject Schema)[] FileProperties() =>
    [
        ("id", String("The file id: pass it as file_id in a media input of create_generation or generate.")),
        ("state", String("pending (bytes or ingest still under way), ready (can be referenced), failed (ingest or moderation refused it) or deleted; newer values are possible.")),
        ("ready", Boolean("True when the file can be referenced now (state ready).")),
        ("mime_type", String("The file's media type, such as image/png or video/mp4.")),
        ("size_bytes", Integer("The file's size in bytes.", 0)),
        ("purpose", OrNull(String("input (the primary subject) or reference (style or content guidance), as uploaded."))),
        ("filename", OrNull(String("The file name given at upload."))),
        ("created_at", OrNull(String("When it was created (ISO 8601)."))),
        ("expires_at", OrNull(String("After this time Luma may delete the file automatically (ISO 8601); null for no expiry."))),
        ("deleted_at", OrNull(String("When it was deleted, for a deleted file (ISO 8601)."))),
        ("failure_reason", OrNull(String("Why ingest or moderation refused it, when failed."))),
        ("user_id", OrNull(String("The user_id given at upload, echoed back."))),
        ("reference", OrNull(Object(
            "How to use the file in a media input (source, image_ref[], video.start_frame, keyframes…) of create_generation or generate: "
            + "this object as it is. Null unless the file is ready.",
            ("file_id", String("The file's id."))).Require("file_id"))),
    ];

    /// <summary>The file's fields and <c>next_step</c>, all required: the output of upload_file and get_file.</summary>
    public static JsonObject FileResult() => Object(null, [.. FileProperties(), ("next_step", String("What to do next, in words."))])
        .Require([.. FileProperties().Select(p => p.Name), "next_step"]);

    /// <summary>One file as an entry of list_files.</summary>
    public static JsonObject FileEntry() => Object("One file.", FileProperties()).Require([.. FileProperties().Select(p => p.Name)]);
}
