namespace LumaAgents;

/// <summary>
/// <see cref="TimeProvider"/>-driven delays and timeouts, so tests run in virtual time. The two branches call the
/// same behaviour through the API each target has (no behavioural difference between assets).
/// </summary>
internal static class Clock
{
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
#if NET8_0_OR_GREATER
        return Task.Delay(delay, time, cancellationToken);
#else
        return time.Delay(delay, cancellationToken);
#endif
    }

    /// <summary>A source that cancels after <paramref name="delay"/> on <paramref name="time"/>.</summary>
    public static CancellationTokenSource CancelAfter(TimeProvider time, TimeSpan delay)
    {
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, time);
#else
        return time.CreateCancellationTokenSource(delay);
#endif
    }
}
