using LumaAgents.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LumaAgents.Tests.Support;

/// <summary>A simulator and a client pointed at it, disposed together.</summary>
public sealed class Simulated : IAsyncDisposable
{
    private readonly InFlightCounter _transport;
    private readonly InFlightCounter _storage;

    private Simulated(FakeLumaServer server, LumaClient client, InFlightCounter transport, InFlightCounter storage)
    {
        Server = server;
        Client = client;
        _transport = transport;
        _storage = storage;
    }

    /// <summary>Whether any HTTP request of the client (to the API, or a download or upload to storage) is on the wire (for driving virtual time).</summary>
    public bool IsBusy => _transport.IsBusy || _storage.IsBusy;

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
        var counting = transport is null ? new InFlightCounter() : new InFlightCounter(transport);
        // The storage transport is the SDK's own (never disposed by the client), counted like the API's.
        var storage = new InFlightCounter(SharedTransport.DownloadHandler);
        var luma = new LumaClient(clientOptions, new HttpClient(counting), TestClients.NoEnvironment, storage);
        return new Simulated(fake, luma, counting, storage);
    }

    public IReadOnlyList<RecordedRequest> Creates => Server.Requests.Where(r => r.RouteKind == RouteKind.Create).ToArray();

    public IReadOnlyList<RecordedRequest> Gets => Server.Requests.Where(r => r.RouteKind == RouteKind.Get).ToArray();

    /// <summary>Runs <paramref name="task"/> to completion in virtual time, advancing only while no request is in flight.</summary>
    public Task<T> RunAsync<T>(ManualTimeProvider time, Task<T> task) => time.RunUntilCompleteAsync(task, () => IsBusy);

    /// <summary>The step <see cref="RunAsync{T}(FakeTimeProvider, Task{T})"/> moves a <see cref="FakeTimeProvider"/> by: a timer fires at most this late.</summary>
    public static readonly TimeSpan FakeStep = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="task"/> to completion on a <see cref="FakeTimeProvider"/>, a step at a time, advancing only while no request is in flight.</summary>
    public Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task) => time.RunUntilCompletedAsync(task, FakeStep, () => IsBusy);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
