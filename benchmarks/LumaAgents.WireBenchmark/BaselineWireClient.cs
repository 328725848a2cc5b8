using System.Net;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>
/// The hand-written baseline (<see cref="HandWrittenLumaClient"/>: <see cref="HttpClient"/> + the SDK's source-generated
/// JSON) on a <see cref="SocketsHttpHandler"/> configured like the SDK's own API transport, so the transports are equal.
/// </summary>
internal sealed class BaselineWireClient : IWireClient
{
    private readonly HttpClient _http;
    private readonly HandWrittenLumaClient _client;

    public BaselineWireClient(Uri baseUrl, string apiKey)
    {
        // The settings of the SDK's SharedTransport.CreateApiHandler (net10.0).
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 512,
            EnableMultipleHttp2Connections = true,
        });
        _client = new HandWrittenLumaClient(_http, baseUrl, apiKey);
    }

    public Task<Generation> GetAsync() => _client.GetAsync(Payloads.GenerationId);

    public Task<Generation> CreateAsync() => _client.CreateAsync(Payloads.ImageRequest);

    public void Dispose() => _http.Dispose();
}
