namespace LumaAgents.Benchmarks.Wire;

/// <summary>The two calls every workload makes, so the SDK and the baseline run the very same loops.</summary>
internal interface IWireClient : IDisposable
{
    /// <summary><c>GET /generations/{id}</c> of <see cref="Payloads.GenerationId"/>.</summary>
    Task<Generation> GetAsync();

    /// <summary><c>POST /generations</c> of <see cref="Payloads.ImageRequest"/>.</summary>
    Task<Generation> CreateAsync();
}
