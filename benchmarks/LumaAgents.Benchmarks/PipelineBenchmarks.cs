using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The SDK's whole pipeline (validation, retry, rate-limit tracking, per-attempt timeout, typed results) on an in-memory
/// transport, against a hand-written <see cref="HttpClient"/> call doing the same HTTP and JSON work through the same
/// handler. The ratio column is the SDK's overhead; no network is involved.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineBenchmarks
{
    private const string Get = "GET /generations/{id}";
    private const string Create = "POST /generations";

    private CannedResponseHandler _handler = null!;
    private HttpClient _http = null!;
    private LumaClient _sdk = null!;
    private LumaClient _sdkOwnTransport = null!;
    private HandWrittenLumaClient _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new CannedResponseHandler();
        _http = new HttpClient(_handler);

        // A reserved, never-resolving host: should anything bypass the in-memory handler, it cannot reach a real server.
        const string apiKey = "luma-api-benchmark-0123456789";
        var baseUrl = new Uri("https://api.luma.invalid/v1/");
        _sdk = new LumaClient(_http, new LumaClientOptions { ApiKey = apiKey, BaseUrl = baseUrl });

        // What `new LumaClient(options)` builds, with the in-memory handler where the shared SocketsHttpHandler would be.
        var settings = LumaClientSettings.Resolve(new LumaClientOptions { ApiKey = apiKey, BaseUrl = baseUrl }, _ => null);
        _sdkOwnTransport = new LumaClient(settings, _handler, downloadTransport: null);
        _handWritten = new HandWrittenLumaClient(_http, baseUrl, apiKey);

        BenchmarkChecks.SameGeneration(GetWithSdk().GetAwaiter().GetResult(), GetHandWritten().GetAwaiter().GetResult(), "GET");
        BenchmarkChecks.SameGeneration(CreateWithSdk().GetAwaiter().GetResult(), CreateHandWritten().GetAwaiter().GetResult(), "POST");
        BenchmarkChecks.SameGeneration(GetWithSdkOwnTransport().GetAwaiter().GetResult(), GetHandWritten().GetAwaiter().GetResult(), "GET (own transport)");
        BenchmarkChecks.SameGeneration(CreateWithSdkOwnTransport().GetAwaiter().GetResult(), CreateHandWritten().GetAwaiter().GetResult(), "POST (own transport)");
        if (_handler.Requests != 8)
        {
            throw new InvalidOperationException($"Expected 8 requests through the in-memory handler, saw {_handler.Requests}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkOwnTransport.Dispose();
        _http.Dispose();
    }

    [BenchmarkCategory(Get), Benchmark(Baseline = true)]
    public Task<Generation> GetHandWritten() => _handWritten.GetAsync(Payloads.GenerationId);

    [BenchmarkCategory(Get), Benchmark]
    public Task<Generation> GetWithSdk() => _sdk.Generations.GetAsync(Payloads.GenerationId);

    [BenchmarkCategory(Create), Benchmark(Baseline = true)]
    public Task<Generation> CreateHandWritten() => _handWritten.CreateAsync(Payloads.ImageRequest);

    [BenchmarkCategory(Create), Benchmark]
    public Task<Generation> CreateWithSdk() => _sdk.Generations.CreateAsync(Payloads.ImageRequest);

    /// <summary>The SDK as <c>new LumaClient(options)</c> builds it: its own handler chain straight onto the transport.</summary>
    [BenchmarkCategory(Get), Benchmark]
    public Task<Generation> GetWithSdkOwnTransport() => _sdkOwnTransport.Generations.GetAsync(Payloads.GenerationId);

    /// <summary>The SDK as <c>new LumaClient(options)</c> builds it: its own handler chain straight onto the transport.</summary>
    [BenchmarkCategory(Create), Benchmark]
    public Task<Generation> CreateWithSdkOwnTransport() => _sdkOwnTransport.Generations.CreateAsync(Payloads.ImageRequest);
}
