namespace LumaAgents;

/// <summary>
/// The cancellation of one attempt: the caller's token or the per-attempt timeout, whichever fires first. On the
/// system clock the source is reused across attempts (reset, not reallocated, when it did not fire): creating a
/// linked source and a timer per attempt was the largest single cost of the pipeline in the benchmarks.
/// </summary>
internal struct AttemptTimeout : IDisposable
{
#if NET6_0_OR_GREATER
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    private CancellationTokenRegistration _fromCaller;
#endif
    private readonly CancellationToken _caller;
    private CancellationTokenSource? _source;

    private AttemptTimeout(CancellationTokenSource source, CancellationToken caller)
    {
        _source = source;
        _caller = caller;
#if NET6_0_OR_GREATER
        _fromCaller = default;
#endif
    }

    public readonly CancellationToken Token => _source!.Token;

    /// <summary>Whether the timeout, not the caller, cancelled the attempt.</summary>
    public readonly bool TimedOut => _source!.IsCancellationRequested && !_caller.IsCancellationRequested;

    public static AttemptTimeout Start(TimeProvider time, TimeSpan timeout, CancellationToken caller)
    {
#if NET6_0_OR_GREATER
        if (ReferenceEquals(time, TimeProvider.System))
        {
            var source = t_spare ?? new CancellationTokenSource();
            t_spare = null;
            source.CancelAfter(timeout);
            var attempt = new AttemptTimeout(source, caller);
            if (caller.CanBeCanceled)
            {
                attempt._fromCaller = caller.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
            }

            return attempt;
        }
#endif
        return new AttemptTimeout(Clock.LinkWithTimeout(time, timeout, caller), caller);
    }

    public void Dispose()
    {
        var source = _source;
        _source = null;
        if (source is null)
        {
            return;
        }

#if NET6_0_OR_GREATER
        _fromCaller.Dispose();
        if (t_spare is null && source.TryReset())
        {
            t_spare = source;
            return;
        }
#endif
        source.Dispose();
    }
}
