using System.Diagnostics;
using System.Net.Sockets;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LumaAgents.Tests.Resilience;

/// <summary>Retries, POST safety and timeouts against the simulator's scripted faults, in virtual time.</summary>
public sealed class RetryAgainstSimulatorTests
{
    public static TheoryData<string> GetFaults => new() { "500", "502", "503", "504", "408", "429", "drop", "truncated", "html" };

    [Theory]
    [MemberData(nameof(GetFaults))]
    public async Task Get_recovers_from_transient_failures_within_the_retry_budget(string fault)
    {
        var time = new FakeTimeProvider(ManualTimeProvider.DefaultStart);
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FaultFor(fault), times: 2);

        var generation = await sim.RunAsync(time, sim.Client.Generations.GetAsync(id));

        Assert.Equal(id, generation.Id);
        Assert.Equal(3, sim.Gets.Count);
    }

    [Fact]
    public async Task Get_gives_up_after_the_budget_with_the_last_error()
    {
        var time = new FakeTimeProvider(ManualTimeProvider.DefaultStart);
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(1), times: 3);

        var error = await Assert.ThrowsAsync<LumaServerException>(() => sim.RunAsync(time, sim.Client.Generations.GetAsync(id)));

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Equal(3, sim.Gets.Count);
        Assert.Equal(sim.Gets[^1].RequestId, error.RequestId);
    }

    [Fact]
    public async Task Each_attempt_carries_a_fresh_request_id_and_the_same_body()
    {
        var time = new FakeTimeProvider(ManualTimeProvider.DefaultStart);
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        sim.Server.Faults.Add(FakeRoute.Create, FakeFault.ServiceUnavailable(1), times: 2);

        await sim.RunAsync(time, sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));

        Assert.Equal(3, sim.Creates.Count);
        Assert.Equal(3, sim.Creates.Select(r => r.RequestId).Distinct().Count());
        Assert.Single(sim.Creates.Select(r => r.Body).Distinct());
        Assert.Single(sim.Server.Generations);
    }

    public static TheoryData<string> SafePostFaults => new() { "429", "502", "503" };

    [Theory]
    [MemberData(nameof(SafePostFaults))]
    public async Task Post_recovers_from_failures_that_prove_no_job_was_created(string fault)
    {
        var time = new FakeTimeProvider(ManualTimeProvider.DefaultStart);
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        sim.Server.Faults.Add(FakeRoute.Create, FaultFor(fault), times: 2);

        var generation = await sim.RunAsync(time, sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));

        Assert.Equal(3, sim.Creates.Count);
        Assert.Equal(generation.Id, Assert.Single(sim.Server.Generations).Id);
    }

    [Fact]
    public async Task Post_recovers_from_a_refused_connection()
    {
        var transport = new RefuseFirstConnects(times: 2);
        await using var sim = await Simulated.StartAsync(client: o => o.Retry.BaseDelay = TimeSpan.Zero, transport: transport);

        var generation = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        Assert.Equal(3, transport.Attempts);
        Assert.Equal(generation.Id, Assert.Single(sim.Server.Generations).Id);
    }

    public static TheoryData<string> UncertainPostFaults => new() { "reset after send", "500 after processing", "504 after processing" };

    [Theory]
    [MemberData(nameof(UncertainPostFaults))]
    public async Task Post_is_sent_exactly_once_when_the_job_may_exist(string fault)
    {
        var time = new FakeTimeProvider(ManualTimeProvider.DefaultStart);
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        sim.Server.Faults.Add(FakeRoute.Create, fault switch
        {
            "reset after send" => FakeFault.ProcessThenDrop(),
            "500 after processing" => FakeFault.ProcessThenRespond(500),
            _ => FakeFault.ProcessThenRespond(504),
        });

        var error = await Assert.ThrowsAnyAsync<LumaException>(
            () => sim.RunAsync(time, sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox") with { UserId = "u-1" })));

        Assert.Single(sim.Creates);
        Assert.Single(sim.Server.Generations);
        Assert.True(error.GenerationMayExist);
        Assert.Contains("may have been created", error.Message);
        Assert.Contains("user_id", error.Message);
        Assert.Equal(sim.Creates[0].RequestId, error.RequestId);
    }

    [Fact]
    public async Task Post_is_sent_exactly_once_after_an_attempt_timeout()
    {
        var time = new FakeTimeProvider(ManualTimeProvider.DefaultStart);
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = TimeSpan.FromSeconds(5); });
        sim.Server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenDelay(TimeSpan.FromHours(1)));

        var call = sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        await WaitUntilAsync(() => sim.Server.Generations.Count == 1);
        time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => call);

        Assert.Single(sim.Creates);
        Assert.True(error.GenerationMayExist);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
    }

    [Fact]
    public async Task Uncertain_posts_are_retried_when_opted_in()
    {
        var time = new FakeTimeProvider(ManualTimeProvider.DefaultStart);
        await using var sim = await Simulated.StartAsync(client: o =>
        {
            o.TimeProvider = time;
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.Retry.RetryUncertainPosts = true;
        });
        sim.Server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenRespond(500));

        await sim.RunAsync(time, sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));

        Assert.Equal(2, sim.Creates.Count);
        Assert.Equal(2, sim.Server.Generations.Count);
    }

    [Fact]
    public async Task Get_retries_after_an_attempt_timeout_and_succeeds()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = TimeSpan.FromSeconds(2); o.Retry.BaseDelay = TimeSpan.Zero; });
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.Delay(TimeSpan.FromHours(1)));

        var call = sim.Client.Generations.GetAsync(id);
        await WaitUntilAsync(() => sim.Gets.Count == 1);
        await time.WaitForTimersAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        var generation = await call;

        Assert.Equal(id, generation.Id);
        Assert.Equal(2, sim.Gets.Count);
    }

    [Fact]
    public async Task A_per_attempt_timeout_without_retries_is_a_luma_timeout_exception()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(client: o => { o.TimeProvider = time; o.Timeout = TimeSpan.FromSeconds(3); });
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.Delay(TimeSpan.FromHours(1)));

        var call = sim.Client.Generations.GetAsync(id, new RequestOptions { MaxRetries = 0 });
        await WaitUntilAsync(() => sim.Gets.Count == 1);
        await time.WaitForTimersAsync();
        time.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => call);

        Assert.Contains("within 3 s", error.Message);
        Assert.False(error.GenerationMayExist);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task A_total_timeout_bounds_the_whole_call_including_backoff()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(client: o =>
        {
            o.TimeProvider = time;
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = TimeSpan.FromSeconds(10);
            o.Retry.MaxRetries = 10;
        });
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(4), times: 10);

        // Attempts at 0 s, 4 s and 8 s (Retry-After: 4). At 8 s only 2 s are left, so the call ends there with the
        // server's wait named, instead of sleeping into the limit.
        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => sim.RunAsync(time, sim.Client.Generations.GetAsync(id)));

        Assert.Contains("total timeout", error.Message);
        Assert.Contains("asked to wait 4 s", error.Message);
        Assert.IsType<LumaServerException>(error.InnerException);
        Assert.Equal(3, sim.Gets.Count);
        Assert.Equal(ManualTimeProvider.DefaultStart + TimeSpan.FromSeconds(8), time.GetUtcNow());
    }

    [Fact]
    public async Task Caller_cancellation_during_a_five_second_backoff_ends_the_call_promptly()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(client: o => o.TimeProvider = time);
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(5));
        using var cancel = new CancellationTokenSource();

        var call = sim.Client.Generations.GetAsync(id, cancel.Token);
        await WaitUntilAsync(() => sim.Gets.Count == 1 && sim.Gets[0].StatusCode == 503);
        await time.WaitForTimersAsync(1);
        cancel.Cancel();

        // Promptly = before the five seconds pass: the clock never moves (the guard is only a hang guard).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(ManualTimeProvider.DefaultStart, time.GetUtcNow());
        Assert.Single(sim.Gets);
    }

    [Fact]
    public async Task X_should_retry_false_stops_a_retry_the_status_would_allow()
    {
        await using var sim = await Simulated.StartAsync();
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(1).WithHeader("x-should-retry", "false"));

        await Assert.ThrowsAsync<LumaServerException>(() => sim.Client.Generations.GetAsync(id));

        Assert.Single(sim.Gets);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_cap_surfaces_at_once_with_retry_after()
    {
        await using var sim = await Simulated.StartAsync();
        sim.Server.Faults.Add(FakeRoute.Create, FakeFault.TooManyRequests(TimeSpan.FromMinutes(10)));

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));

        Assert.Single(sim.Creates);
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
        Assert.False(error.GenerationMayExist);
    }

    [Fact]
    public async Task Per_request_options_override_retries_and_add_headers()
    {
        await using var sim = await Simulated.StartAsync();
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(1));
        var options = new RequestOptions { MaxRetries = 0 };
        options.Headers["X-Trace"] = "abc";
        options.Headers["X-Request-Id"] = "my-request";
        options.Headers["Authorization"] = "Bearer stolen";

        await Assert.ThrowsAsync<LumaServerException>(() => sim.Client.Generations.GetAsync(id, options));

        var sent = Assert.Single(sim.Gets);
        Assert.Equal("abc", sent.Headers["X-Trace"]);
        Assert.Equal("my-request", sent.RequestId);
        Assert.Equal("Bearer " + sim.Server.ApiKey, sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_thousand_concurrent_gets_on_one_client_all_succeed()
    {
        await using var sim = await Simulated.StartAsync();
        var id = sim.Server.SeedGeneration();

        // The SDK's own shared connection pool, not the test transport.
        using var client = new LumaClient(new LumaClientOptions { ApiKey = sim.Server.ApiKey, BaseUrl = sim.Server.BaseUrl }, null, TestClients.NoEnvironment);
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => client.Generations.GetAsync(id)));

        Assert.All(results, g => Assert.Equal(id, g.Id));
        Assert.Equal(1000, sim.Gets.Count);
    }

    internal static FakeFault FaultFor(string name) => name switch
    {
        "500" => FakeFault.Respond(500, """{"detail":"Internal Server Error"}"""),
        "502" => FakeFault.Respond(502, """{"detail":"Upstream fetch service unavailable"}"""),
        "503" => FakeFault.ServiceUnavailable(1),
        "504" => FakeFault.Respond(504, """{"detail":"Gateway Timeout"}"""),
        "408" => FakeFault.Respond(408, """{"detail":"Request Timeout"}"""),
        "429" => FakeFault.TooManyRequests(TimeSpan.FromSeconds(2)),
        "drop" => FakeFault.DropConnection(),
        "truncated" => FakeFault.TruncatedBody(),
        "html" => FakeFault.HtmlErrorPage(502),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>A transport whose first connects are refused, as by a server not yet listening.</summary>
    private sealed class RefuseFirstConnects(int times) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) <= times)
            {
                throw new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
