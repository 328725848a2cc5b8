namespace LumaAgents;

/// <summary>
/// Cancels a transfer when no bytes have moved for a while (a half-open connection, a storage host that stalls) or
/// when its total time is up, whichever comes first; the caller's token and the client's Dispose cancel it too. One
/// timer per transfer, re-armed on every chunk: cheap enough for a 1 GB body in 80 KB chunks.
/// </summary>
internal sealed class IdleWatch : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly ITimer? _idleTimer;
    private readonly ITimer? _totalTimer;
    private readonly TimeSpan _idle;
    private int _reason;

    public IdleWatch(TimeProvider time, TimeSpan idle, TimeSpan? total, CancellationToken caller, CancellationToken lifetime)
    {
        _idle = idle;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller, lifetime);
        if (idle != Timeout.InfiniteTimeSpan)
        {
            _idleTimer = time.CreateTimer(static s => ((IdleWatch)s!).Fire(1), this, idle, Timeout.InfiniteTimeSpan);
        }

        if (total is { } limit && limit != Timeout.InfiniteTimeSpan)
        {
            _totalTimer = time.CreateTimer(static s => ((IdleWatch)s!).Fire(2), this, limit < TimeSpan.Zero ? TimeSpan.Zero : limit, Timeout.InfiniteTimeSpan);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Whether no bytes moved for the idle time.</summary>
    public bool Stalled => Volatile.Read(ref _reason) == 1;

    /// <summary>Whether the total time ran out.</summary>
    public bool Expired => Volatile.Read(ref _reason) == 2;

    public TimeSpan Idle => _idle;

    /// <summary>Bytes moved: the idle time starts again.</summary>
    public void Touch() => _idleTimer?.Change(_idle, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _idleTimer?.Dispose();
        _totalTimer?.Dispose();
        _source.Dispose();
    }

    private void Fire(int reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, 0) == 0)
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The transfer ended as the timer fired.
            }
        }
    }
}
