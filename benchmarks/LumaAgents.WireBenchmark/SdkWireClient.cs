namespace LumaAgents.Benchmarks.Wire;

/// <summary>The SDK as users build it: <c>new LumaClient(options)</c> on its own shared transport, defaults otherwise.</summary>
internal sealed class SdkWireClient : IWireClient
{
    private readonly LumaClient _client;

    public SdkWireClient(Uri baseUrl, string apiKey, Action<LumaClientOptions>? configure = null)
    {
        var options = new LumaClientOptions { ApiKey = apiKey, BaseUrl = baseUrl };
        configure?.Invoke(options);
        _client = new LumaClient(options);
    }

    public LumaClient Client => _client;

    public Task<Generation> GetAsync() => _client.Generations.GetAsync(Payloads.GenerationId);

    public Task<Generation> CreateAsync() => _client.Generations.CreateAsync(Payloads.ImageRequest);

    public void Dispose() => _client.Dispose();
}
