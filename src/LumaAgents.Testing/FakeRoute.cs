namespace LumaAgents.Testing;

/// <summary>Which requests a scripted <see cref="FakeFault"/> applies to.</summary>
public enum FakeRoute
{
    /// <summary>Any request.</summary>
    Any,

    /// <summary><c>POST /v1/generations</c>.</summary>
    Create,

    /// <summary><c>GET /v1/generations/{id}</c>.</summary>
    Get,

    /// <summary>A download of a presigned output URL.</summary>
    Download,

    /// <summary><c>POST /v1/files</c>.</summary>
    CreateFile,

    /// <summary><c>POST /v1/files/{id}/complete</c>.</summary>
    CompleteFile,

    /// <summary><c>GET /v1/files/{id}</c>.</summary>
    GetFile,

    /// <summary><c>GET /v1/files</c>.</summary>
    ListFiles,

    /// <summary><c>DELETE /v1/files/{id}</c>.</summary>
    DeleteFile,

    /// <summary>A <c>PUT</c> to a presigned upload URL.</summary>
    Upload,

    /// <summary>Any request of the Files API (<c>/v1/files…</c>), not the presigned PUT.</summary>
    Files,
}
