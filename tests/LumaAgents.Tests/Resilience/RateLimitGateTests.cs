using LumaAgents.Testing;

namespace LumaAgents.Tests.Resilience;

public sealed class RateLimitGateTests
{
    [Fact]
    public async Task The_window_log_never_holds_more_than_the_limit()
    {
        var time = new ManualTimeProvider();
        var gate = new RateLimitGate(time);
        var info = new RateLimitInfo(3, 1000, time.GetUtcNow().AddSeconds(60));

        for (var i = 0; i < 100; i++)
        {
            await gate.AcquireAsync(null, CancellationToken.None);
            gate.Complete(201, info with { Limit = 1000 });
        }

        await gate.AcquireAsync(null, CancellationToken.None);
        gate.Complete(201, info);

        Assert.Equal(3, gate.TrackedCreates);
    }

    [Fact]
    public async Task Without_a_reported_limit_nothing_is_logged_or_held()
    {
        var time = new ManualTimeProvider();
        var gate = new RateLimitGate(time);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(TimeSpan.Zero, await gate.AcquireAsync(null, CancellationToken.None));
            gate.Complete(201, null);
        }

        Assert.Equal(0, gate.TrackedCreates);
    }
}
