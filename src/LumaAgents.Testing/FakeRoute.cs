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
}
