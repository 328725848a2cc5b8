using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hardening;

/// <summary>
/// Every scripted fault of the simulator, against a create, a read, a wait and a download: the outcome is a value or a
/// typed exception (never a raw one), the call ends within its budget in virtual time, and no create ever makes a
/// second job. The simulator's own clock is frozen, so a fault that delays on it lasts until the client gives up: only
/// the client's own limits can end it, which is what is under test.
/// </summary>
public sealed class FaultMatrixTests
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Faults => new(Matrix.Keys);

    private static readonly Dictionary<string, Func<FakeFault>> Matrix = new()
    {
        ["500"] = () => FakeFault.Respond(500, """{"detail":"Internal Server Error"}"""),
        ["502"] = () => FakeFault.Respond(502, """{"detail":"Upstream fetch service unavailable"}"""),
        ["503 retry-after 1"] = () => FakeFault.ServiceUnavailable(1),
        ["503 retry-after 3600"] = () => FakeFault.ServiceUnavailable(3600),
        ["504"] = () => FakeFault.Respond(504, """{"detail":"Gateway Timeout"}"""),
        ["429 retry-after 2"] = () => FakeFault.TooManyRequests(TimeSpan.FromSeconds(2)),
        ["429 retry-after 1 day"] = () => FakeFault.TooManyRequests(TimeSpan.FromDays(1)),
        ["html page"] = () => FakeFault.HtmlErrorPage(502),
        ["empty 500"] = () => FakeFault.EmptyBody(500),
        ["dropped"] = FakeFault.DropConnection,
        ["processed then dropped"] = FakeFault.ProcessThenDrop,
        ["processed then 500"] = () => FakeFault.ProcessThenRespond(500),
        ["processed then held"] = () => FakeFault.ProcessThenDelay(TimeSpan.FromHours(1)),
        ["held before answering"] = () => FakeFault.Delay(TimeSpan.FromHours(1)),
        ["truncated body"] = () => FakeFault.TruncatedBody(),
        ["truncated then reset"] = () => FakeFault.TruncatedBody(dropConnection: true),
        ["stalled body"] = () => FakeFault.StalledBody(keepBytes: 10),
        ["trickled body"] = () => FakeFault.TrickledBody(8, TimeSpan.FromSeconds(1)),
        ["garbage headers"] = () => FakeFault.GarbageHeaders(),
        ["huge error page"] = () => FakeFault.HugeBody(),
        ["huge chunked error page"] = () => FakeFault.HugeBody(declareLength: false),
        ["redirect to a file"] = () => FakeFault.Redirect("file:///etc/passwd"),
        ["redirect to a closed port"] = () => FakeFault.Redirect("http://127.0.0.1:9/v1/generations"),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_create_under_the_fault_is_typed_bounded_and_never_duplicated(string fault)
    {
        await using var rig = await Rig.StartAsync();
        rig.Server.Faults.Add(FakeRoute.Create, Matrix[fault](), times: 3);

        var outcome = await rig.RunAsync(rig.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));

        rig.AssertBounded(fault, Total);
        AssertTyped(fault, outcome);
        Assert.True(rig.Server.Generations.Count <= 1, $"{fault}: {rig.Server.Generations.Count} jobs for one create");
        if (outcome.Error is LumaException error && rig.Server.Generations.Count == 1)
        {
            // A job exists but the call failed: the caller must be told, never left to retry blindly.
            Assert.True(error.GenerationMayExist, $"{fault}: a job was made, yet the error does not say it may exist: {error.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_read_under_the_fault_is_typed_and_bounded(string fault)
    {
        await using var rig = await Rig.StartAsync();
        var id = rig.Server.SeedGeneration();
        rig.Server.Faults.Add(FakeRoute.Get, Matrix[fault](), times: 3);

        var outcome = await rig.RunAsync(rig.Client.Generations.GetAsync(id));

        rig.AssertBounded(fault, Total);
        AssertTyped(fault, outcome);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_wait_under_the_fault_ends_by_its_deadline(string fault)
    {
        await using var rig = await Rig.StartAsync(totalTimeout: null);
        var id = rig.Server.SeedGeneration(FakeOutcome.InState("processing"));
        rig.Server.Faults.Add(FakeRoute.Get, Matrix[fault](), times: 100);
        var deadline = TimeSpan.FromSeconds(20);

        var outcome = await rig.RunAsync(rig.Client.Generations.WaitForCompletionAsync(id, new WaitOptions { Timeout = deadline }));

        rig.AssertBounded(fault, deadline + TimeSpan.FromSeconds(1));
        AssertTyped(fault, outcome);
        Assert.Null(outcome.Value);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_download_under_the_fault_is_a_download_error_or_the_whole_file(string fault)
    {
        await using var rig = await Rig.StartAsync(downloadTimeout: Total);
        var id = rig.Server.SeedGeneration();
        var generation = await rig.RunAsync(rig.Client.Generations.GetAsync(id));
        rig.Server.Faults.Add(FakeRoute.Download, Matrix[fault](), times: 3);
        var started = rig.Time.GetUtcNow();
        var destination = new MemoryStream();

        var outcome = await rig.RunAsync(DownloadAsync(rig.Client, generation.Value!, destination));

        rig.AssertBounded(fault, Total, since: started);
        if (outcome.Error is not null)
        {
            Assert.True(outcome.Error is LumaDownloadException, $"{fault}: {outcome.Error.GetType().Name}: {outcome.Error.Message}");
            Assert.DoesNotContain("X-Amz-Signature", outcome.Error.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.True(destination.Length > 0);
        }
    }

    private static async Task<bool> DownloadAsync(LumaClient client, Generation generation, Stream destination)
    {
        await client.Generations.DownloadAsync(generation, 0, destination);
        return true;
    }

    private static void AssertTyped<T>(string fault, Outcome<T> outcome)
    {
        if (outcome.Error is { } error)
        {
            Assert.True(error is LumaException, $"{fault}: a raw {error.GetType().Name}: {error.Message}");
        }
    }

    public sealed record Outcome<T>(T? Value, Exception? Error);

    /// <summary>A simulator on a frozen clock and a client on a virtual clock that the rig advances whenever it waits.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private Rig(FakeLumaServer server, LumaClient client, ManualTimeProvider time)
        {
            Server = server;
            Client = client;
            Time = time;
        }

        public FakeLumaServer Server { get; }

        public LumaClient Client { get; }

        public ManualTimeProvider Time { get; }

        public static async Task<Rig> StartAsync(TimeSpan? totalTimeout = null, TimeSpan? downloadTimeout = null)
        {
            var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
            {
                TimeProvider = new ManualTimeProvider(),
                QueuedFor = TimeSpan.Zero,
                ProcessingFor = TimeSpan.Zero,
            });
            var time = new ManualTimeProvider();
            var options = new LumaClientOptions
            {
                ApiKey = server.ApiKey,
                BaseUrl = server.BaseUrl,
                TimeProvider = time,
                Timeout = Attempt,
                TotalTimeout = totalTimeout ?? Total,
                DownloadTimeout = downloadTimeout,
            };
            options.Retry.MaxRetries = 2;
            return new Rig(server, new LumaClient(options, httpClient: null, TestClients.NoEnvironment), time);
        }

        /// <summary>
        /// Runs the call, moving the client's clock to its next timer whenever nothing happens. A jump while a request is
        /// really on the wire only makes a fault look worse, so every assertion here holds however the jumps fall.
        /// </summary>
        public async Task<Outcome<T>> RunAsync<T>(Task<T> call)
        {
            try
            {
                return new Outcome<T>(await Time.RunUntilCompleteAsync(call, limit: TimeSpan.FromMinutes(10), realTimeoutMs: 60_000), null);
            }
            catch (Exception ex) when (ex is not TimeoutException)
            {
                return new Outcome<T>(default, ex);
            }
        }

        public void AssertBounded(string fault, TimeSpan bound, DateTimeOffset? since = null)
        {
            var elapsed = Time.GetUtcNow() - (since ?? ManualTimeProvider.DefaultStart);
            Assert.True(elapsed <= bound + TimeSpan.FromMilliseconds(600), $"{fault}: took {elapsed.TotalSeconds:0.###} s of virtual time, bound {bound.TotalSeconds} s");
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Server.DisposeAsync();
        }
    }
}
