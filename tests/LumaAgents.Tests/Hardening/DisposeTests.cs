using System.Net;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hardening;

/// <summary>Dispose means stop: everything in flight ends at once, and nothing is sent afterwards.</summary>
public sealed class DisposeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_get_in_flight_at_dispose_ends_with_object_disposed_and_never_succeeds()
    {
        // The server holds the answer on a clock nobody advances: only Dispose can end the call.
        await using var sim = await Simulated.StartAsync(server: o => o.TimeProvider = new ManualTimeProvider());
        var id = sim.Server.SeedGeneration();
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.Delay(TimeSpan.FromHours(1)));
        var call = sim.Client.Generations.GetAsync(id);
        await Resilience.RetryAgainstSimulatorTests.WaitUntilAsync(() => sim.Gets.Count == 1);

        sim.Client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(Generous));
    }

    [Fact]
    public async Task Disposed_during_a_backoff_the_client_sends_no_retry()
    {
        var time = new ManualTimeProvider();
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""", ("Retry-After", "10"))));
        var client = TestClients.WithHandler(handler, o =>
        {
            o.TimeProvider = time;
            o.Retry.MaxRetries = 3;
            o.Retry.RetryUncertainPosts = true;
        });
        var call = client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        await time.WaitForTimersAsync(1);

        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(Generous));
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, handler.Sent);
    }

    [Fact]
    public async Task Disposed_during_a_rate_limit_hold_the_create_is_never_sent()
    {
        var time = new ManualTimeProvider();
        var reset = (time.GetUtcNow().ToUnixTimeSeconds() + 50).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(
            HttpStatusCode.Created, Samples.Queued, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset))));
        var client = TestClients.WithHandler(handler, o => o.TimeProvider = time);
        await client.Generations.CreateAsync(GenerationRequest.CreateImage("first"));
        var held = client.Generations.CreateAsync(GenerationRequest.CreateImage("second"));
        await time.WaitForTimersAsync(1);

        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => held.WaitAsync(Generous));
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, handler.Sent);
    }

    [Fact]
    public async Task A_wait_in_flight_ends_on_dispose()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(
            server: o => { o.TimeProvider = time; o.ProcessingFor = TimeSpan.FromHours(1); },
            client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        var wait = sim.Client.Generations.WaitForCompletionAsync(created);
        await time.WaitForTimersAsync(1);

        sim.Client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => wait.WaitAsync(Generous));
        Assert.Empty(sim.Gets);
    }

    [Fact]
    public async Task A_download_in_flight_ends_on_dispose()
    {
        var storage = new ScriptedHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new GeneratedContent(10_000_000, stallAfter: 4096, "image/png") }));
        var client = DownloadHardeningTests.ClientWithStorage(storage, new ManualTimeProvider());
        var download = client.Generations.DownloadAsync(DownloadHardeningTests.Completed(), 0, new MemoryStream());
        await storage.WaitForRequestsAsync(1);

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => download.WaitAsync(Generous));
    }

    [Fact]
    public async Task Calls_after_dispose_fail_at_once_and_send_nothing()
    {
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.OK, Samples.Completed)));
        var client = TestClients.WithHandler(handler);
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Generations.GetAsync("g1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Generations.WaitForCompletionAsync("g1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox")));
        Assert.Equal(0, handler.Sent);
    }
}
