using System.Diagnostics;

namespace LumaAgents.ScaleHarness;

/// <summary>
/// The system clock sped up by a constant factor from a shared epoch: now = epoch + (real now − epoch) × factor, and a
/// timer of d fires after d / factor of real time. Every process of the fleet scenario (the simulator, the four
/// clients) and every Redis script (the <c>s:epoch:factor</c> clock over Redis's own TIME) computes it from the same
/// machine clock with the same epoch and factor, so they agree with each other as unscaled clocks would. What the
/// speed-up changes is everything real: a 1 ms round trip counts as factor ms.
/// </summary>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _epoch;
    private readonly long _epochTimestamp;

    public ScaledTimeProvider(DateTimeOffset epoch, double factor)
    {
        _epoch = epoch;
        Factor = factor;
        _epochTimestamp = Stopwatch.GetTimestamp() - (long)((DateTimeOffset.UtcNow - epoch).TotalSeconds * Stopwatch.Frequency);
    }

    public double Factor { get; }

    /// <summary>The clock argument of the coordinator's scripts: Redis's TIME, scaled the same way.</summary>
    public string ScriptClock => FormattableString.Invariant($"s:{_epoch.ToUnixTimeMilliseconds()}:{Factor}");

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override DateTimeOffset GetUtcNow() => _epoch + TimeSpan.FromTicks((long)((DateTimeOffset.UtcNow - _epoch).Ticks * Factor));

    public override long GetTimestamp() => _epochTimestamp + (long)((Stopwatch.GetTimestamp() - _epochTimestamp) * Factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => new ScaledTimer(System.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    private TimeSpan Real(TimeSpan scaled)
        => scaled == Timeout.InfiniteTimeSpan || scaled <= TimeSpan.Zero ? scaled : TimeSpan.FromTicks(Math.Max(1, (long)(scaled.Ticks / Factor)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Real(dueTime), owner.Real(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
