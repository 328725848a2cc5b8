using System.IO.Pipelines;
using LumaAgents.Mcp.Hosting;
using LumaAgents.Mcp.Logging;
using LumaAgents.Mcp.Safety;
using LumaAgents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Tests.Support;

/// <summary>
/// The server's composition (<see cref="McpServerHost"/>, the same tools and settings as <c>luma-mcp</c>) hosted in
/// the test process over in-memory streams, against a <see cref="FakeLumaServer"/> the test controls: scripted
/// faults, seeded generations, the request log, and a virtual clock for deadlines and polling.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly LumaClient _luma;
    private readonly InFlightCounter _counter;
    private readonly StringWriter _logs;

    private InProcessServer(IHost host, McpClient client, IReadOnlyList<McpClientTool> tools, FakeLumaServer simulator, LumaClient luma, InFlightCounter counter, TempFolder folder, StringWriter logs, ManualTimeProvider? clock)
    {
        _host = host;
        Client = client;
        Tools = tools;
        Simulator = simulator;
        _luma = luma;
        _counter = counter;
        Folder = folder;
        _logs = logs;
        Clock = clock;
    }

    public McpClient Client { get; }

    public IReadOnlyList<McpClientTool> Tools { get; }

    public FakeLumaServer Simulator { get; }

    /// <summary>The only folder the server may use.</summary>
    public TempFolder Folder { get; }

    /// <summary>The virtual clock of the client and simulator, or null when they run on the system clock.</summary>
    public ManualTimeProvider? Clock { get; }

    /// <summary>Everything the server logged (its standard error, were it a process).</summary>
    public string Logs
    {
        get
        {
            lock (_logs)
            {
                return _logs.ToString();
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Creates => [.. Simulator.Requests.Where(r => r.RouteKind == RouteKind.Create)];

    public IReadOnlyList<RecordedRequest> Gets => [.. Simulator.Requests.Where(r => r.RouteKind == RouteKind.Get)];

    /// <summary>Starts a server; with <paramref name="clock"/>, the client and the simulator run in virtual time.</summary>
    public static async Task<InProcessServer> StartAsync(ManualTimeProvider? clock = null, Action<FakeLumaServerOptions>? simulator = null)
    {
        var time = (TimeProvider?)clock ?? TimeProvider.System;
        var simulatorOptions = new FakeLumaServerOptions { TimeProvider = time, QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero };
        simulator?.Invoke(simulatorOptions);
        var fake = await FakeLumaServer.StartAsync(simulatorOptions);

        // The server's own client settings; on the system clock the simulator's quick polling, so tests need not
        // wait out the real API's 20 s head start.
        var options = LumaBackend.ClientOptions(fake.ApiKey, fake.BaseUrl, loggers: null, simulated: clock is null, time);
        if (clock is not null)
        {
            // The in-flight count ends when the headers arrive, but the SDK reads the body inside the attempt: with a
            // per-attempt timeout on the virtual clock, time could jump past it during that read.
            options.Timeout = Timeout.InfiniteTimeSpan;
        }

        var counter = new InFlightCounter();
        var luma = new LumaClient(new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan }, options);
        var backend = LumaBackend.ForClient(luma, simulated: false, time);

        var folder = new TempFolder();
        var logs = new StringWriter();
        var scrubber = new SecretScrubber(fake.ApiKey);
        var provider = new StderrLoggerProvider(TextWriter.Synchronized(logs), scrubber);
        var loggers = LoggerFactory.Create(builder => McpServerHost.Configure(builder, provider, LogLevel.Debug));
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var host = McpServerHost.Build(
            backend,
            AllowedFolders.Create([folder.Path], folder.Path),
            scrubber,
            loggers,
            provider,
            LogLevel.Debug,
            server => server.WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream()));
        await host.StartAsync();
        var client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()));
        var tools = await client.ListToolsAsync();
        return new InProcessServer(host, client, [.. tools], fake, luma, counter, folder, logs, clock);
    }

    public McpClientTool Tool(string name) => Tools.Single(t => t.Name == name);

    /// <summary>Calls a tool; in virtual time, the clock moves whenever the server waits and no request is on the wire.</summary>
    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null, CancellationToken cancellationToken = default)
    {
        var call = Client.CallToolAsync(tool, arguments, progress, cancellationToken: cancellationToken).AsTask();
        return Clock is null ? call : Clock.RunUntilCompleteAsync(call, () => _counter.IsBusy);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
        _luma.Dispose();
        await Simulator.DisposeAsync();
        Folder.Dispose();
    }
}
