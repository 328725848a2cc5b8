using LumaAgents.Redis.Tests.Support;
using StackExchange.Redis;

namespace LumaAgents.Redis.Tests;

/// <summary>
/// The admission script against its spec: the API's 60-second sliding window, shared by every process of an account.
/// In virtual time (the scripts read the test's clock, see <see cref="VirtualFleet"/>), except the last test, which
/// checks that production reads Redis's own TIME.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SharedWindowTests(SharedRedis redis)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Until_the_first_answer_only_one_create_of_the_fleet_is_in_flight()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();

        var probe = await a.Client.AdmitCreateAsync(Minute);
        var second = b.Client.AdmitCreateAsync(Minute).AsTask();
        await fleet.Time.WaitForTimersAsync();
        Assert.False(second.IsCompleted);

        await probe.CompleteAsync(Created(fleet, limit: 10, remaining: 9));
        var admitted = await fleet.RunAsync(second);

        Assert.Equal(TimeSpan.Zero, fleet.Time.GetUtcNow() - Testing.ManualTimeProvider.DefaultStart);
        Assert.NotNull(admitted);
    }

    [Fact]
    public async Task A_limit_learned_by_one_process_holds_every_process_to_it()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();
        var c = await fleet.JoinAsync();

        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 3, remaining: 2));
        await (await b.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 3, remaining: 1));
        await (await b.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 3, remaining: 0));
        var held = await Assert.ThrowsAsync<LumaRateLimitException>(async () => await c.Client.AdmitCreateAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal(RateLimitKind.RequestsPerMinute, held.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(60_250), held.RetryAfter);
    }

    [Fact]
    public async Task A_slot_frees_one_window_after_the_answer_arrived_not_after_the_admission()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();

        var first = await a.Client.AdmitCreateAsync(Minute);
        fleet.Time.Advance(TimeSpan.FromSeconds(10));
        await first.CompleteAsync(Created(fleet, limit: 1, remaining: 0));

        var held = await Assert.ThrowsAsync<LumaRateLimitException>(async () => await b.Client.AdmitCreateAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(60_250), held.RetryAfter);

        fleet.Time.Advance(TimeSpan.FromSeconds(60));
        var admitted = await fleet.RunAsync(b.Client.AdmitCreateAsync(TimeSpan.FromSeconds(1)).AsTask());
        Assert.Equal(TimeSpan.FromMilliseconds(250), admitted.Waited);
        Assert.Equal(TimeSpan.FromMilliseconds(70_250), fleet.Time.GetUtcNow() - Testing.ManualTimeProvider.DefaultStart);
    }

    [Fact]
    public async Task A_refused_create_leaves_no_trace_and_one_without_an_answer_counts()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();
        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 2, remaining: 1));

        await (await b.Client.AdmitCreateAsync(TimeSpan.Zero)).CompleteAsync(new CreateOutcome(400, null, null, RateLimitKind.Unknown, null));
        var unknown = await b.Client.AdmitCreateAsync(TimeSpan.Zero);
        await unknown.CompleteAsync(new CreateOutcome(null, null, null, RateLimitKind.Unknown, null));

        await Assert.ThrowsAsync<LumaRateLimitException>(async () => await a.Client.AdmitCreateAsync(TimeSpan.Zero));
        Assert.Equal(2, await Db.SortedSetLengthAsync(Keys(fleet, a).Window));
    }

    [Fact]
    public async Task The_shared_window_never_holds_more_entries_than_the_limit()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();

        for (var i = 0; i < 20; i++)
        {
            await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 1000, remaining: 999 - i));
        }

        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 3, remaining: 0));

        Assert.Equal(3, await Db.SortedSetLengthAsync(Keys(fleet, a).Window));
    }

    [Fact]
    public async Task Without_a_reported_limit_nothing_is_held_or_recorded_once_answered()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();

        for (var i = 0; i < 40; i++)
        {
            var admission = await (i % 2 == 0 ? a : b).Client.AdmitCreateAsync(TimeSpan.Zero);
            Assert.Equal(TimeSpan.Zero, admission.Waited);
            await admission.CompleteAsync(new CreateOutcome(201, null, null, RateLimitKind.Unknown, "g" + i));
        }

        Assert.Equal(0, await Db.SortedSetLengthAsync(Keys(fleet, a).Window));
    }

    [Fact]
    public async Task Remaining_zero_that_the_window_does_not_explain_holds_every_process_until_the_reset()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();
        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 10, remaining: 9));

        // Someone outside the fleet spent the window: the server says 0 left while the fleet made 2 of 10.
        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(new CreateOutcome(
            201, new RateLimitInfo(10, 0, fleet.Time.GetUtcNow().AddSeconds(20)), null, RateLimitKind.Unknown, "g2"));
        var held = await Assert.ThrowsAsync<LumaRateLimitException>(async () => await b.Client.AdmitCreateAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromMilliseconds(20_250), held.RetryAfter);
    }

    [Fact]
    public async Task Remaining_zero_explained_by_creates_still_in_flight_holds_nothing_beyond_the_window()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync();
        var b = await fleet.JoinAsync();
        await (await a.Client.AdmitCreateAsync(Minute)).CompleteAsync(Created(fleet, limit: 3, remaining: 2));
        fleet.Time.Advance(TimeSpan.FromSeconds(10));

        // Two creates in flight at once; the later-sent one is answered first, with the window's last place.
        var first = await a.Client.AdmitCreateAsync(Minute);
        var second = await b.Client.AdmitCreateAsync(Minute);
        await second.CompleteAsync(Created(fleet, limit: 3, remaining: 0));
        await first.CompleteAsync(Created(fleet, limit: 3, remaining: 0));
        var held = await Assert.ThrowsAsync<LumaRateLimitException>(async () => await b.Client.AdmitCreateAsync(TimeSpan.Zero));

        // The oldest create (answered at 0 s) frees its place at 60.25 s: 50.25 s from now, not a whole window.
        Assert.Equal(TimeSpan.FromMilliseconds(50_250), held.RetryAfter);
    }

    [Fact]
    public async Task In_production_the_window_runs_on_Redis_TIME_not_on_the_clients_clock()
    {
        await using var fleet = new VirtualFleet(redis.Address);
        var a = await fleet.JoinAsync(configure: o => o.ScriptClock = null);

        // The client's clock is a virtual 2026 date; what Redis stores must be Redis's own now.
        var admission = await a.Client.AdmitCreateAsync(Minute);
        await admission.CompleteAsync(Created(fleet, limit: 5, remaining: 4));
        var stamped = (await Db.SortedSetRangeByRankWithScoresAsync(Keys(fleet, a).Window))[0].Score;
        var time = (RedisResult[])(await Db.ExecuteAsync("TIME"))!;
        var redisNowMs = (long)time[0] * 1000 + (long)time[1] / 1000;

        Assert.InRange(redisNowMs - stamped, 0, 5_000);
    }

    private IDatabase Db => redis.Connection.GetDatabase();

    private static RedisKeys Keys(VirtualFleet fleet, VirtualFleet.Member member) => member.Coordinator.KeysFor(fleet.Account);

    private static CreateOutcome Created(VirtualFleet fleet, int limit, int remaining)
        => new(201, new RateLimitInfo(limit, remaining, fleet.Time.GetUtcNow().AddSeconds(60)), null, RateLimitKind.Unknown, null);
}
