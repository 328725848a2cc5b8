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
}
