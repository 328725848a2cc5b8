using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Where an uploaded file is in its life. Only a <see cref="Ready"/> file can be referenced (<c>ImageRef.file_id</c>);
/// <see cref="Failed"/> and <see cref="Deleted"/> are final. The API will grow this list.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<FileState>))]
public readonly partial struct FileState
{
    /// <summary>Created, waiting for its bytes or being ingested and moderated. Wire value <c>pending</c>.</summary>
    [WireValue("pending")]
    public static partial FileState Pending { get; }

    /// <summary>Ingested and moderated: it can be referenced by its id. Wire value <c>ready</c>.</summary>
    [WireValue("ready")]
    public static partial FileState Ready { get; }

    /// <summary>Ingest or moderation failed; see the file's failure reason. Wire value <c>failed</c>.</summary>
    [WireValue("failed")]
    public static partial FileState Failed { get; }

    /// <summary>Deleted: it can no longer be referenced. Wire value <c>deleted</c>.</summary>
    [WireValue("deleted")]
    public static partial FileState Deleted { get; }
}
