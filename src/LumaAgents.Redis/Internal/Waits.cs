namespace LumaAgents.Redis;

/// <summary>Waits on the client's clock (virtual in tests), each bounded and cancellable.</summary>
internal static class Waits
{
    /// <summary>Returns when <paramref name="signal"/> completes or <paramref name="longest"/> has passed on <paramref name="time"/>.</summary>
    public static async Task SignalOrDelayAsync(Task signal, TimeProvider time, TimeSpan longest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (signal.IsCompleted)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Delay(time, longest, stop.Token);
        await Task.WhenAny(signal, delay).ConfigureAwait(false);
        stop.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
#if NET8_0_OR_GREATER
        return Task.Delay(delay, time, cancellationToken);
#else
        return time.Delay(delay, cancellationToken);
#endif
    }
}
