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

        // Timers count whole milliseconds: a fractional wait (a retry-after-ms of 1.5) rounds up, never down to a
        // delay that completes at once and leaves a caller's loop spinning on a wait that is not over.
        var remainder = delay.Ticks % TimeSpan.TicksPerMillisecond;
        if (remainder != 0)
        {
            delay = TimeSpan.FromTicks(delay.Ticks - remainder + TimeSpan.TicksPerMillisecond);
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

    /// <summary>A source that cancels after <paramref name="delay"/> on <paramref name="time"/>; disposing it disposes its timer.</summary>
    internal static CancellationTokenSource CancelAfter(TimeProvider time, TimeSpan delay)
    {
        if (ReferenceEquals(time, TimeProvider.System))
        {
            return new CancellationTokenSource(delay);
        }

        // Our own timer rather than the runtime's or Microsoft.Bcl.TimeProvider's: on netstandard2.0 theirs outlives
        // the source until it fires, which leaks a timer per attempt and confuses a virtual clock's pending timers.
        return new TimerSource(time, delay);
    }

    /// <summary>A source cancelled by a timer of its own clock, which it disposes with itself.</summary>
    private sealed class TimerSource : CancellationTokenSource
    {
        private readonly ITimer _timer;

        public TimerSource(TimeProvider time, TimeSpan delay)
        {
            _timer = time.CreateTimer(static s => ((TimerSource)s!).Fire(), this, delay, System.Threading.Timeout.InfiniteTimeSpan);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _timer.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Fire()
        {
            try
            {
                Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed as the timer fired.
            }
        }
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
