using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LumaAgents.Testing;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The same two calls over real sockets to <see cref="FakeLumaServer"/> on 127.0.0.1, from one shared client, one at a
/// time and 32 at once. Each invocation makes <see cref="OperationsPerInvoke"/> calls, so the mean is the time per call
/// (wall time divided by calls): requests per second = 1 s / mean. The server runs in this process and shares its two
/// cores, so the numbers are an upper bound on the SDK's cost, not the API's speed.
/// </summary>
/// <remarks>
/// The invocation count is fixed because an [IterationCleanup] would otherwise make BenchmarkDotNet run one invocation
/// per iteration; 16 × 32 calls keeps an iteration in the tens of milliseconds.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(16)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class LoopbackBenchmarks
{
    public const int OperationsPerInvoke = 32;

    private const string Get = "GET /generations/{id}";
    private const string Create = "POST /generations";

    private FakeLumaServer _server = null!;
    private LumaClient _sdk = null!;
    private HttpClient _http = null!;
    private HandWrittenLumaClient _handWritten = null!;
    private string _generationId = null!;

    /// <summary>Calls in flight at once; <see cref="OperationsPerInvoke"/> calls are split evenly between them.</summary>
    [Params(1, 32)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Concurrency <= 0 || OperationsPerInvoke % Concurrency != 0)
        {
            throw new InvalidOperationException($"Concurrency must divide {OperationsPerInvoke}; it is {Concurrency}.");
        }

        // The simulator's defaults, with every limit spelled out as off: the benchmark measures calls, not 429s.
        _server = FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            RequestsPerMinute = null,
            MaxConcurrentJobs = null,
            AbuseRequestsPerMinute = null,
        }).GetAwaiter().GetResult();
        _generationId = _server.SeedGeneration();

        // The SDK as users build it: its own shared SocketsHttpHandler.
        _sdk = new LumaClient(new LumaClientOptions { ApiKey = _server.ApiKey, BaseUrl = _server.BaseUrl });

        // The baseline gets a handler configured like the SDK's, so the transports are equal.
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
        });
        _handWritten = new HandWrittenLumaClient(_http, _server.BaseUrl, _server.ApiKey);

        BenchmarkChecks.SameGeneration(
            _sdk.Generations.GetAsync(_generationId).GetAwaiter().GetResult() with { Output = [] },
            _handWritten.GetAsync(_generationId).GetAwaiter().GetResult() with { Output = [] },
            "GET");
    }

    /// <summary>The server logs every request; forget them between iterations so memory does not grow with the run.</summary>
    [IterationCleanup]
    public void ForgetRecordedRequests() => _server.ClearRequests();

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [BenchmarkCategory(Get), Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke)]
    public Task GetHandWritten() => RunAsync(() => _handWritten.GetAsync(_generationId));

    [BenchmarkCategory(Get), Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public Task GetWithSdk() => RunAsync(() => _sdk.Generations.GetAsync(_generationId));

    [BenchmarkCategory(Create), Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke)]
    public Task CreateHandWritten() => RunAsync(() => _handWritten.CreateAsync(Payloads.ImageRequest));

    [BenchmarkCategory(Create), Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public Task CreateWithSdk() => RunAsync(() => _sdk.Generations.CreateAsync(Payloads.ImageRequest));

    private Task RunAsync(Func<Task<Generation>> call)
    {
        var workers = new Task[Concurrency];
        var callsEach = OperationsPerInvoke / Concurrency;
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = CallRepeatedlyAsync(call, callsEach);
        }

        return Task.WhenAll(workers);
    }

    private static async Task CallRepeatedlyAsync(Func<Task<Generation>> call, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await call().ConfigureAwait(false);
        }
    }
}
