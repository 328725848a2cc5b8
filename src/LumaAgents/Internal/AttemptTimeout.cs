namespace LumaAgents;

/// <summary>
/// The cancellation of one attempt: the caller's token, the client's Dispose, or the attempt's time limit, whichever
/// fires first. On the system clock the source is reused across attempts (reset, not reallocated, when it did not
/// fire): creating a linked source and a timer per attempt was the largest single cost of the pipeline in the benchmarks.
/// </summary>
internal struct AttemptTimeout : IDisposable
{
#if NET6_0_OR_GREATER
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;
#endif
    private readonly CancellationToken _caller;
    private readonly CancellationToken _lifetime;
    private CancellationTokenRegistration _fromCaller;
    private CancellationTokenRegistration _fromLifetime;
    private CancellationTokenSource? _source;
    private readonly bool _reusable;

    private AttemptTimeout(CancellationTokenSource source, CancellationToken caller, CancellationToken lifetime, bool reusable)
    {
        _source = source;
        _caller = caller;
        _lifetime = lifetime;
        _reusable = reusable;
        _fromCaller = default;
        _fromLifetime = default;
    }

    public readonly CancellationToken Token => _source!.Token;

    /// <summary>Whether the time limit, not the caller or Dispose, cancelled the attempt.</summary>
    public readonly bool TimedOut => _source!.IsCancellationRequested && !_caller.IsCancellationRequested && !_lifetime.IsCancellationRequested;

    /// <param name="time">The clock of the time limit.</param>
    /// <param name="timeout">The limit, or <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="caller">The caller's token.</param>
    /// <param name="lifetime">The client's Dispose token.</param>
    public static AttemptTimeout Start(TimeProvider time, TimeSpan timeout, CancellationToken caller, CancellationToken lifetime)
    {
        var infinite = timeout == Timeout.InfiniteTimeSpan;
        CancellationTokenSource source;
        var reusable = false;
#if NET6_0_OR_GREATER
        if (infinite || ReferenceEquals(time, TimeProvider.System))
        {
            source = t_spare ?? new CancellationTokenSource();
            t_spare = null;
            reusable = true;
            if (!infinite)
            {
                source.CancelAfter(timeout);
            }
        }
        else
#endif
        {
            source = infinite ? new CancellationTokenSource() : Clock.CancelAfter(time, timeout);
        }

        var attempt = new AttemptTimeout(source, caller, lifetime, reusable);
        if (caller.CanBeCanceled)
        {
            attempt._fromCaller = Register(caller, source);
        }

        attempt._fromLifetime = Register(lifetime, source);
        return attempt;
    }

    public void Dispose()
    {
        var source = _source;
        _source = null;
        if (source is null)
        {
            return;
        }

        _fromCaller.Dispose();
        _fromLifetime.Dispose();
#if NET6_0_OR_GREATER
        if (_reusable && t_spare is null && source.TryReset())
        {
            t_spare = source;
            return;
        }
#endif
        source.Dispose();
    }

    private static CancellationTokenRegistration Register(CancellationToken token, CancellationTokenSource source)
#if NET6_0_OR_GREATER
        => token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
#else
        => token.Register(static s => ((CancellationTokenSource)s!).Cancel(), source);
#endif
}
