using LumaAgents.Testing;

namespace LumaAgents.Tests.Resilience;

public sealed class RateLimitGateTests
{
    [Fact]
    public async Task The_window_log_never_holds_more_than_the_limit()
    {
        var time = new ManualTimeProvider();
        var gate = new RateLimitGate(time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var info = new RateLimitInfo(3, 1000, time.GetUtcNow().AddSeconds(60));

        for (var i = 0; i < 100; i++)
        {
            var admission = await gate.AdmitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            await admission.CompleteAsync(Created(info with { Limit = 1000 }));
        }

        await (await gate.AdmitAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).CompleteAsync(Created(info));

        Assert.Equal(3, gate.TrackedCreates);
    }

    [Fact]
    public async Task Without_a_reported_limit_nothing_is_logged_or_held()
    {
        var time = new ManualTimeProvider();
        var gate = new RateLimitGate(time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        for (var i = 0; i < 100; i++)
        {
            var admission = await gate.AdmitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.Equal(TimeSpan.Zero, admission.Waited);
            await admission.CompleteAsync(Created(null));
        }

        Assert.Equal(0, gate.TrackedCreates);
    }

    private static CreateOutcome Created(RateLimitInfo? info) => new(201, info, null, RateLimitKind.Unknown, "gen");
}
