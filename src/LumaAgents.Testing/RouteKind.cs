namespace LumaAgents.Testing;

/// <summary>Which route a <see cref="RecordedRequest"/> addressed.</summary>
public enum RouteKind
{
    /// <summary>Anything else: an unknown path, or a known path with the wrong method.</summary>
    Other,

    /// <summary><c>POST /v1/generations</c>.</summary>
    Create,

    /// <summary><c>GET /v1/generations/{id}</c>.</summary>
    Get,

    /// <summary>A download of a presigned output URL.</summary>
    Download,

    /// <summary><c>POST /v1/files</c> (JSON for a presigned upload, or multipart with the bytes inline).</summary>
    CreateFile,

    /// <summary><c>POST /v1/files/{id}/complete</c>.</summary>
    CompleteFile,

    /// <summary><c>GET /v1/files/{id}</c>.</summary>
    GetFile,

    /// <summary><c>GET /v1/files</c>.</summary>
    ListFiles,

    /// <summary><c>DELETE /v1/files/{id}</c>.</summary>
    DeleteFile,

    /// <summary>A <c>PUT</c> of a file's bytes to its presigned upload URL (the storage host, not the API).</summary>
    Upload,
}
