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

    /// <summary>
    /// A source that cancels when <paramref name="cancellationToken"/> does or after <paramref name="delay"/> on
    /// <paramref name="time"/>, whichever is first; <see cref="TimedOut"/> tells which.
    /// </summary>
    public static CancellationTokenSource LinkWithTimeout(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(time, TimeProvider.System))
        {
            // One source instead of two on the common path: a linked source with its own timer.
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            linked.CancelAfter(delay);
            return linked;
        }

        return new TimedLinkedSource(CancelAfter(time, delay), cancellationToken);
    }

    /// <summary>Whether a source from <see cref="LinkWithTimeout"/> was cancelled by its timeout rather than the caller.</summary>
    public static bool TimedOut(CancellationTokenSource source, CancellationToken cancellationToken)
        => source.IsCancellationRequested && !cancellationToken.IsCancellationRequested;

    /// <summary>A source that cancels after <paramref name="delay"/> on <paramref name="time"/>.</summary>
    private static CancellationTokenSource CancelAfter(TimeProvider time, TimeSpan delay)
    {
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, time);
#else
        return time.CreateCancellationTokenSource(delay);
#endif
    }

    /// <summary>A linked source that also owns (and disposes) the timer source driving it.</summary>
    private sealed class TimedLinkedSource : CancellationTokenSource
    {
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenRegistration _fromTimer;
        private readonly CancellationTokenRegistration _fromCaller;

        public TimedLinkedSource(CancellationTokenSource timer, CancellationToken caller)
        {
            _timer = timer;
            _fromTimer = timer.Token.Register(static s => ((CancellationTokenSource)s!).Cancel(), this);
            _fromCaller = caller.Register(static s => ((CancellationTokenSource)s!).Cancel(), this);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _fromTimer.Dispose();
                _fromCaller.Dispose();
                _timer.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
