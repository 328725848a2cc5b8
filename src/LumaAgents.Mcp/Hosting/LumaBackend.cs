using LumaAgents.Testing;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Hosting;

/// <summary>
/// What the tools talk to: a <see cref="LumaClient"/> for the real API (key and base URL from the flags or the
/// environment), or one for an in-process <see cref="FakeLumaServer"/> with <c>--simulator</c>. A missing or bad
/// key does not stop the server: every tool then answers with the configuration error and how to fix it.
/// </summary>
internal sealed class LumaBackend : IAsyncDisposable
{
    private readonly LumaClient? _client;
    private readonly LumaConfigurationException? _configurationError;
    private readonly FakeLumaServer? _simulator;
    private readonly bool _ownsClient;

    private LumaBackend(LumaClient? client, LumaConfigurationException? configurationError, FakeLumaServer? simulator, bool ownsClient, TimeProvider time)
    {
        _client = client;
        _configurationError = configurationError;
        _simulator = simulator;
        _ownsClient = ownsClient;
        Simulated = simulator is not null;
        Time = time;
    }

    /// <summary>The client, or the configuration error that prevented one.</summary>
    /// <exception cref="LumaConfigurationException">No usable key or base URL was configured.</exception>
    public LumaClient Client => _client ?? throw _configurationError!;

    /// <summary>Whether the tools run against the simulator (every result says so).</summary>
    public bool Simulated { get; private init; }

    /// <summary>The client's clock: waits and elapsed times are measured on it.</summary>
    public TimeProvider Time { get; }

    /// <summary>The configuration problem, if the server runs without a usable client.</summary>
    public LumaConfigurationException? ConfigurationError => _configurationError;

    /// <summary>The backend that the options describe.</summary>
    public static async Task<LumaBackend> StartAsync(ServerOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (options.Simulator)
        {
            var queued = options.SimulatorDuration / 4;
            var simulator = await FakeLumaServer.StartAsync(
                new FakeLumaServerOptions { QueuedFor = queued, ProcessingFor = options.SimulatorDuration - queued },
                cancellationToken).ConfigureAwait(false);
            var client = new LumaClient(ClientOptions(simulator.ApiKey, simulator.BaseUrl, loggers, simulated: true, TimeProvider.System));
            return new LumaBackend(client, null, simulator, ownsClient: true, TimeProvider.System);
        }

        try
        {
            var client = new LumaClient(ClientOptions(options.ApiKey, options.BaseUrl, loggers, simulated: false, TimeProvider.System));
            return new LumaBackend(client, null, null, ownsClient: true, TimeProvider.System);
        }
        catch (LumaConfigurationException e)
        {
            return new LumaBackend(null, e, null, ownsClient: false, TimeProvider.System);
        }
    }

    /// <summary>A backend for a client someone else built (tests, with a virtual clock); not disposed here.</summary>
    public static LumaBackend ForClient(LumaClient client, bool simulated, TimeProvider time)
        => new(client, null, null, ownsClient: false, time) { Simulated = simulated };

    /// <summary>
    /// The SDK's options as this server needs them. Rate limits are reported to the agent with their wait instead of
    /// slept on: no proactive hold of creates, and no retry that sleeps on a server's Retry-After.
    /// </summary>
    /// <param name="apiKey">The key, or null for the environment.</param>
    /// <param name="baseUrl">The base URL, or null for the environment or the default.</param>
    /// <param name="loggers">Where the SDK logs (standard error).</param>
    /// <param name="simulated">
    /// With the simulator, generations finish in seconds: waits poll from the start every half second instead of
    /// giving the real API's 20 s (images) or 30 s (video) head start.
    /// </param>
    /// <param name="time">The clock.</param>
    public static LumaClientOptions ClientOptions(string? apiKey, Uri? baseUrl, ILoggerFactory? loggers, bool simulated, TimeProvider time)
    {
        var options = new LumaClientOptions
        {
            ApiKey = apiKey,
            BaseUrl = baseUrl,
            ProactiveThrottling = false,
            LoggerFactory = loggers,
            TimeProvider = time,
        };
        options.Retry.MaxServerDelay = TimeSpan.Zero;
        if (simulated)
        {
            options.ImageWait = Quick(options.ImageWait);
            options.ImageMaxWait = Quick(options.ImageMaxWait);
            options.VideoWait = Quick(options.VideoWait);
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            _client?.Dispose();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static WaitOptions Quick(WaitOptions defaults) => defaults with { InitialDelay = TimeSpan.Zero, PollInterval = WaitOptions.MinPollInterval };
}
