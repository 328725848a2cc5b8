using LumaAgents.Redis.Tests.Support;
using StackExchange.Redis;

namespace LumaAgents.Redis.Tests;

/// <summary>Job slots as leases shared by the fleet, in virtual time: taken, renewed, released by any reader, expired after a crash.</summary>
[Collection(RedisCollection.Name)]
public sealed class JobLeaseTests(SharedRedis redis)
{
    [Fact]
    public async Task At_the_limit_a_process_waits_until_any_process_reads_a_job_finished()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync(maxConcurrentJobs: 2);
        var b = await fleet.JoinAsync(maxConcurrentJobs: 2);
        var reader = await fleet.JoinAsync();
        await (await a.Client.AcquireJobSlotAsync()).BindAsync("job1");
        await (await a.Client.AcquireJobSlotAsync()).BindAsync("job2");

        var third = b.Client.AcquireJobSlotAsync().AsTask();
        await fleet.Time.WaitForTimersAsync();
        Assert.False(third.IsCompleted);

        await reader.Client.ObserveGenerationAsync("job2", GenerationState.Failed);
        await fleet.RunAsync(third);

        Assert.Equal(Testing.ManualTimeProvider.DefaultStart, fleet.Time.GetUtcNow());
        Assert.Equal(["job1"], (await Db.SortedSetRangeByRankAsync(Keys(fleet, a).Jobs)).Select(v => v.ToString()));
    }

    [Fact]
    public async Task The_slots_of_a_process_that_died_expire_after_the_lease_timeout()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var lease = TimeSpan.FromSeconds(30);
        var crashed = await fleet.JoinAsync(maxConcurrentJobs: 2, o => o.JobLeaseTimeout = lease);
        var survivor = await fleet.JoinAsync(maxConcurrentJobs: 2, o => o.JobLeaseTimeout = lease);
        await (await crashed.Client.AcquireJobSlotAsync()).BindAsync("job1");
        await crashed.Client.AcquireJobSlotAsync();

        // The process dies: no release, no renewal, its connection gone.
        await crashed.Redis.CloseAsync();
        await fleet.RunAsync(survivor.Client.AcquireJobSlotAsync().AsTask());

        Assert.Equal(lease, fleet.Time.GetUtcNow() - Testing.ManualTimeProvider.DefaultStart);
    }

    [Fact]
    public async Task Waiting_on_a_job_renews_its_lease_so_a_live_job_keeps_its_slot()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var lease = TimeSpan.FromSeconds(30);
        var waiter = await fleet.JoinAsync(maxConcurrentJobs: 1, o => o.JobLeaseTimeout = lease);
        var other = await fleet.JoinAsync(maxConcurrentJobs: 1, o => o.JobLeaseTimeout = lease);
        await (await waiter.Client.AcquireJobSlotAsync()).BindAsync("job1");

        fleet.Time.Advance(TimeSpan.FromSeconds(20));
        await waiter.Client.ObserveGenerationAsync("job1", GenerationState.Processing);
        await fleet.RunAsync(other.Client.AcquireJobSlotAsync().AsTask());

        // Renewed at 20 s, the lease ran to 50 s instead of 30 s.
        Assert.Equal(TimeSpan.FromSeconds(50), fleet.Time.GetUtcNow() - Testing.ManualTimeProvider.DefaultStart);
    }

    [Fact]
    public async Task Renewals_within_a_quarter_of_the_lease_are_not_sent_to_Redis()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var waiter = await fleet.JoinAsync(maxConcurrentJobs: 1, o => o.JobLeaseTimeout = TimeSpan.FromSeconds(40));
        await (await waiter.Client.AcquireJobSlotAsync()).BindAsync("job1");
        var bound = await Db.SortedSetScoreAsync(Keys(fleet, waiter).Jobs, "job1");

        fleet.Time.Advance(TimeSpan.FromSeconds(9));
        await waiter.Client.ObserveGenerationAsync("job1", GenerationState.Processing);
        Assert.Equal(bound, await Db.SortedSetScoreAsync(Keys(fleet, waiter).Jobs, "job1"));

        fleet.Time.Advance(TimeSpan.FromSeconds(2));
        await waiter.Client.ObserveGenerationAsync("job1", GenerationState.Processing);
        Assert.Equal(bound + 11_000, await Db.SortedSetScoreAsync(Keys(fleet, waiter).Jobs, "job1"));
    }

    [Fact]
    public async Task A_lease_never_outlives_the_one_hour_job_life()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var waiter = await fleet.JoinAsync(maxConcurrentJobs: 1, o => o.JobLeaseTimeout = TimeSpan.FromMinutes(30));
        await (await waiter.Client.AcquireJobSlotAsync()).BindAsync("job1");
        var born = Testing.ManualTimeProvider.DefaultStart.ToUnixTimeMilliseconds();

        fleet.Time.Advance(TimeSpan.FromMinutes(50));
        await waiter.Client.ObserveGenerationAsync("job1", GenerationState.Processing);

        Assert.Equal(born + 3_600_000, await Db.SortedSetScoreAsync(Keys(fleet, waiter).Jobs, "job1"));
    }

    [Fact]
    public async Task A_plain_create_takes_a_lease_that_holds_a_slot_until_its_job_is_read_finished()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var creator = await fleet.JoinAsync();
        var waiter = await fleet.JoinAsync(maxConcurrentJobs: 1);
        await (await creator.Client.AdmitCreateAsync(TimeSpan.FromMinutes(1))).CompleteAsync(new CreateOutcome(201, null, null, RateLimitKind.Unknown, "job9"));

        var slot = waiter.Client.AcquireJobSlotAsync().AsTask();
        await fleet.Time.WaitForTimersAsync();
        Assert.False(slot.IsCompleted);

        await creator.Client.ObserveGenerationAsync("job9", GenerationState.Completed);
        await fleet.RunAsync(slot);
    }

    [Fact]
    public async Task A_slot_whose_create_made_no_job_is_freed_at_once()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync(maxConcurrentJobs: 1);
        var b = await fleet.JoinAsync(maxConcurrentJobs: 1);

        await (await a.Client.AcquireJobSlotAsync()).DisposeAsync();
        await fleet.RunAsync(b.Client.AcquireJobSlotAsync().AsTask());

        Assert.Equal(Testing.ManualTimeProvider.DefaultStart, fleet.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_wait_given_up_on_keeps_the_lease_of_a_job_still_running()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync(maxConcurrentJobs: 1);
        var slot = await a.Client.AcquireJobSlotAsync();
        await slot.BindAsync("job1");

        await slot.DisposeAsync();

        Assert.NotNull(await Db.SortedSetScoreAsync(Keys(fleet, a).Jobs, "job1"));
    }

    [Fact]
    public async Task A_late_read_of_a_finished_job_as_running_does_not_lease_it_again()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync(maxConcurrentJobs: 1);
        var b = await fleet.JoinAsync(maxConcurrentJobs: 1);
        await (await a.Client.AcquireJobSlotAsync()).BindAsync("job1");

        await a.Client.ObserveGenerationAsync("job1", GenerationState.Completed);
        await b.Client.ObserveGenerationAsync("job1", GenerationState.Processing);

        Assert.Null(await Db.SortedSetScoreAsync(Keys(fleet, a).Jobs, "job1"));
    }

    [Fact]
    public async Task A_job_read_running_that_nobody_leased_is_counted()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync(maxConcurrentJobs: 1);

        await a.Client.ObserveGenerationAsync("made-elsewhere", GenerationState.Queued);

        Assert.NotNull(await Db.SortedSetScoreAsync(Keys(fleet, a).Jobs, "made-elsewhere"));
    }

    private IDatabase Db => redis.Connection.GetDatabase();

    private static RedisKeys Keys(VirtualFleet fleet, VirtualFleet.Member member) => member.Coordinator.KeysFor(fleet.Account);
}
