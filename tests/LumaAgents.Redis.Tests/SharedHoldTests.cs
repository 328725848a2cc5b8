using LumaAgents.Redis.Tests.Support;

namespace LumaAgents.Redis.Tests;

/// <summary>A 429 seen by one process (another tool spent the account's limit) holds back every process, in virtual time.</summary>
[Collection(RedisCollection.Name)]
public sealed class SharedHoldTests(SharedRedis redis)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_requests_per_minute_429_seen_by_one_process_holds_every_process_until_its_retry_after()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();
        var c = await fleet.JoinAsync();
        var start = fleet.Time.GetUtcNow();
        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(new CreateOutcome(
            201, new RateLimitInfo(30, 29, start.AddSeconds(60)), null, RateLimitKind.Unknown, "g1"));

        await (await b.Client.AdmitCreateAsync(Minute)).CompleteAsync(new CreateOutcome(
            429, new RateLimitInfo(30, 0, start.AddSeconds(30)), TimeSpan.FromSeconds(30), RateLimitKind.RequestsPerMinute, null));

        var impatient = await Assert.ThrowsAsync<LumaRateLimitException>(async () => await c.Client.AdmitCreateAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromMilliseconds(30_250), impatient.RetryAfter);
        var patient = await fleet.RunAsync(a.Client.AdmitCreateAsync(Minute).AsTask());
        Assert.Equal(TimeSpan.FromMilliseconds(30_250), fleet.Time.GetUtcNow() - start);
        Assert.Equal(TimeSpan.FromMilliseconds(30_250), patient.Waited);
    }

    [Fact]
    public async Task No_answer_holds_the_fleet_longer_than_one_window()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();
        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(new CreateOutcome(429, null, TimeSpan.FromHours(1), RateLimitKind.Unknown, null));

        var held = await Assert.ThrowsAsync<LumaRateLimitException>(async () => await b.Client.AdmitCreateAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromMilliseconds(60_250), held.RetryAfter);
    }

    [Fact]
    public async Task A_concurrent_jobs_429_lowers_the_job_limit_to_the_jobs_the_fleet_holds_and_holds_no_create()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();
        for (var i = 0; i < 3; i++)
        {
            await (await a.Client.AcquireJobSlotAsync()).BindAsync("job" + i);
        }

        await (await b.Client.AdmitCreateAsync(Minute)).CompleteAsync(new CreateOutcome(429, null, TimeSpan.FromSeconds(60), RateLimitKind.ConcurrentJobs, null));
        var waiting = b.Client.AcquireJobSlotAsync().AsTask();
        await fleet.Time.WaitForTimersAsync();

        Assert.False(waiting.IsCompleted);
        Assert.Equal(TimeSpan.Zero, (await b.Client.AdmitCreateAsync(TimeSpan.Zero)).Waited);
        await a.Client.ObserveGenerationAsync("job1", GenerationState.Completed);
        await fleet.RunAsync(waiting);
        Assert.Equal(Testing.ManualTimeProvider.DefaultStart, fleet.Time.GetUtcNow());
    }
}
