using LumaAgents.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LumaAgents.Testing.Tests.VirtualClock;

/// <summary>VirtualTime on FakeTimeProvider and on a bare advance callback: bounded, gated, outcome-preserving.</summary>
public sealed class VirtualTimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sequential_delays_complete_in_virtual_time_with_the_result()
    {
        var time = new FakeTimeProvider(Start);

        var result = await time.RunUntilCompletedAsync(TwoDelaysAsync(time), TimeSpan.FromMinutes(1));

        Assert.Equal(42, result);
        Assert.Equal(Start + TimeSpan.FromMinutes(15), time.GetUtcNow());
    }

    [Fact]
    public async Task A_task_that_never_completes_ends_at_the_virtual_limit_instead_of_hanging()
    {
        var time = new FakeTimeProvider(Start);
        var never = new TaskCompletionSource().Task;

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => time.RunUntilCompletedAsync(never, TimeSpan.FromMinutes(1), limit: TimeSpan.FromMinutes(10)));

        Assert.Contains("virtual time", error.Message);
        Assert.Equal(Start + TimeSpan.FromMinutes(10), time.GetUtcNow());
    }

    [Fact]
    public async Task A_busy_gate_keeps_time_still_and_the_real_bound_ends_the_run()
    {
        var time = new FakeTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => time.RunUntilCompletedAsync(
            delay, TimeSpan.FromSeconds(1), isBusy: () => true, realTimeout: TimeSpan.FromMilliseconds(200)));

        Assert.Contains("real time", error.Message);
        Assert.Equal(Start, time.GetUtcNow());
        Assert.False(delay.IsCompleted);
    }

    [Fact]
    public async Task The_driven_task_s_own_exception_is_what_the_run_throws()
    {
        var time = new FakeTimeProvider(Start);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => time.RunUntilCompletedAsync(FailAfterAsync(time, TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(1)));

        Assert.Equal("failed at 3 s", error.Message);
    }

    [Fact]
    public async Task Any_clock_can_be_driven_through_its_advance_callback()
    {
        var time = new ManualTimeProvider(Start);
        var advances = new List<TimeSpan>();

        await VirtualTime.RunUntilCompletedAsync(
            by => { advances.Add(by); time.Advance(by); }, Task.Delay(TimeSpan.FromSeconds(3), time), TimeSpan.FromSeconds(1));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], advances);
        Assert.Equal(Start + TimeSpan.FromSeconds(3), time.GetUtcNow());
    }

    [Fact]
    public async Task The_last_step_is_cut_to_the_limit()
    {
        var time = new FakeTimeProvider(Start);

        await Assert.ThrowsAsync<TimeoutException>(() => time.RunUntilCompletedAsync(
            Task.Delay(TimeSpan.FromHours(1), time), TimeSpan.FromSeconds(4), limit: TimeSpan.FromSeconds(10)));

        Assert.Equal(Start + TimeSpan.FromSeconds(10), time.GetUtcNow());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_step_that_is_not_positive_is_refused(int seconds)
    {
        var time = new FakeTimeProvider(Start);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => time.RunUntilCompletedAsync(Task.CompletedTask, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task Wait_until_returns_once_the_condition_holds_and_is_bounded_otherwise()
    {
        var flag = 0;
        var setter = Task.Run(async () => { await Task.Yield(); Volatile.Write(ref flag, 1); });

        await VirtualTime.WaitUntilAsync(() => Volatile.Read(ref flag) == 1);
        await setter;
        await Assert.ThrowsAsync<TimeoutException>(() => VirtualTime.WaitUntilAsync(() => false, TimeSpan.FromMilliseconds(50)));
    }

    private static async Task<int> TwoDelaysAsync(TimeProvider time)
    {
        await Task.Delay(TimeSpan.FromMinutes(5), time);
        await Task.Delay(TimeSpan.FromMinutes(10), time);
        return 42;
    }

    private static async Task FailAfterAsync(TimeProvider time, TimeSpan after)
    {
        await Task.Delay(after, time);
        throw new InvalidOperationException($"failed at {after.TotalSeconds:0} s");
    }
}
