using LumaAgents.Testing;

namespace LumaAgents.Tests.Support;

/// <summary>A simulator and a client pointed at it, disposed together.</summary>
public sealed class Simulated : IAsyncDisposable
{
    private Simulated(FakeLumaServer server, LumaClient client)
    {
        Server = server;
        Client = client;
    }

    public FakeLumaServer Server { get; }

    public LumaClient Client { get; }

    public static async Task<Simulated> StartAsync(
        Action<FakeLumaServerOptions>? server = null, Action<LumaClientOptions>? client = null, HttpMessageHandler? transport = null)
    {
        var serverOptions = new FakeLumaServerOptions { QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero };
        server?.Invoke(serverOptions);
        var fake = await FakeLumaServer.StartAsync(serverOptions);
        var clientOptions = new LumaClientOptions { ApiKey = fake.ApiKey, BaseUrl = fake.BaseUrl };
        client?.Invoke(clientOptions);
        var luma = new LumaClient(clientOptions, transport is null ? null : new HttpClient(transport), TestClients.NoEnvironment);
        return new Simulated(fake, luma);
    }

    public IReadOnlyList<RecordedRequest> Creates => Server.Requests.Where(r => r.RouteKind == RouteKind.Create).ToArray();

    public IReadOnlyList<RecordedRequest> Gets => Server.Requests.Where(r => r.RouteKind == RouteKind.Get).ToArray();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
