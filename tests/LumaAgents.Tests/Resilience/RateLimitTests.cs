using System.Net.Http.Headers;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Resilience;

/// <summary>Rate-limit headers, the two 429s, and proactive throttling of creates (reference §5), in virtual time.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Fifty_creates_through_an_rpm_limit_of_ten_all_succeed_with_at_most_one_429_when_throttling()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(
            server: o => { o.TimeProvider = time; o.RequestsPerMinute = 10; },
            client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });

        var creates = Task.WhenAll(Enumerable.Range(0, 50).Select(i => sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage($"fox {i}"))));
        var generations = await sim.RunAsync(time, creates);

        Assert.Equal(50, generations.Select(g => g.Id).Distinct().Count());
        Assert.True(sim.Creates.Count(r => r.StatusCode == 429) <= 1, $"429s: {sim.Creates.Count(r => r.StatusCode == 429)}");
        var start = ManualTimeProvider.DefaultStart;
        var offsets = sim.Creates.Select(r => (r.ReceivedAt - start).TotalSeconds).Order().ToArray();
        Assert.True(time.GetUtcNow() - start < TimeSpan.FromMinutes(5), "throttling took longer than the window allows: " + string.Join(", ", offsets));
    }

    [Fact]
    public async Task Without_throttling_creates_still_all_succeed_by_honouring_retry_after()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(
            server: o => { o.TimeProvider = time; o.RequestsPerMinute = 10; },
            client: o =>
            {
                o.TimeProvider = time;
                o.Timeout = Timeout.InfiniteTimeSpan;
                o.ProactiveThrottling = false;
                o.Retry.MaxRetries = 10;
            });

        var creates = Task.WhenAll(Enumerable.Range(0, 50).Select(i => sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage($"fox {i}"))));
        var generations = await sim.RunAsync(time, creates);

        Assert.Equal(50, generations.Length);
        Assert.Equal(50, sim.Server.Generations.Count);
        Assert.True(sim.Creates.Count(r => r.StatusCode == 429) >= 40);
    }

    [Fact]
    public async Task Sequential_creates_wait_for_the_window_instead_of_collecting_429s()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(
            server: o => { o.TimeProvider = time; o.RequestsPerMinute = 3; },
            client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        var start = time.GetUtcNow();

        for (var i = 0; i < 7; i++)
        {
            await sim.RunAsync(time, sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage($"fox {i}")));
        }

        Assert.DoesNotContain(sim.Creates, r => r.StatusCode == 429);
        Assert.Equal(7, sim.Creates.Count);
        var elapsed = time.GetUtcNow() - start;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(122));
        Assert.Equal(3, sim.Client.RateLimit!.Limit);
    }

    [Fact]
    public async Task A_concurrent_jobs_429_is_recognised()
    {
        await using var sim = await Simulated.StartAsync(
            server: o => { o.MaxConcurrentJobs = 1; o.ProcessingFor = TimeSpan.FromHours(1); },
            client: o => o.Retry.MaxServerDelay = TimeSpan.FromSeconds(30));
        await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("first"));

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("second")));

        Assert.Equal(RateLimitKind.ConcurrentJobs, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Null(error.RateLimit);
        Assert.Equal(FakeLumaServerDetails.TooManyConcurrentJobs, error.Detail);
        Assert.Equal(2, sim.Creates.Count);
    }

    [Fact]
    public async Task An_rpm_429_carries_the_window_and_kind()
    {
        await using var sim = await Simulated.StartAsync(
            server: o => o.RequestsPerMinute = 1,
            client: o => { o.ProactiveThrottling = false; o.Retry.MaxRetries = 0; });
        await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("first"));

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("second")));

        Assert.Equal(RateLimitKind.RequestsPerMinute, error.Kind);
        Assert.Equal(0, error.RateLimit!.Remaining);
        Assert.Equal(1, error.RateLimit.Limit);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(sim.Creates[1].RequestId, error.RequestId);
    }

    [Fact]
    public async Task The_client_exposes_the_last_rate_limit_seen()
    {
        await using var sim = await Simulated.StartAsync(server: o => o.RequestsPerMinute = 30);
        Assert.Null(sim.Client.RateLimit);

        var response = await sim.Client.Generations.CreateWithResponseAsync(GenerationRequest.CreateImage("a fox"));

        Assert.Equal(new RateLimitInfo(30, 29, response.RateLimit!.ResetsAt), sim.Client.RateLimit);
        Assert.NotNull(response.RequestId);
        Assert.Equal("2026-04-01", response.ApiVersion);
    }

    public static TheoryData<string?, string?, string?, int?, int?, long?> HeaderCases => new()
    {
        { "30", "29", "1775649660", 30, 29, 1775649660 },
        { "30", null, null, 30, null, null },
        { "abc", "-1", "soon", null, null, null },
        { " 7 ", "0", "1775649660.5", 7, 0, 1775649660 },
        { "99999999999999", "1", "99999999999999999", null, 1, null },
    };

    [Theory]
    [MemberData(nameof(HeaderCases))]
    public void Rate_limit_headers_are_read_tolerantly(string? limit, string? remaining, string? reset, int? expectedLimit, int? expectedRemaining, long? expectedReset)
    {
        using var response = new HttpResponseMessage();
        Add(response.Headers, "X-RateLimit-Limit", limit);
        Add(response.Headers, "X-RateLimit-Remaining", remaining);
        Add(response.Headers, "X-RateLimit-Reset", reset);

        var info = RateLimitInfo.FromHeaders(response.Headers);

        if (expectedLimit is null && expectedRemaining is null && expectedReset is null)
        {
            Assert.Null(info);
            return;
        }

        Assert.Equal(expectedLimit, info!.Limit);
        Assert.Equal(expectedRemaining, info.Remaining);
        Assert.Equal(expectedReset, info.ResetsAt?.ToUnixTimeSeconds());
    }

    [Fact]
    public void No_rate_limit_headers_means_no_rate_limit_info()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(RateLimitInfo.FromHeaders(response.Headers));
    }

    private static void Add(HttpResponseHeaders headers, string name, string? value)
    {
        if (value is not null)
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
