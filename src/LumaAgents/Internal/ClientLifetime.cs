namespace LumaAgents;

/// <summary>
/// A client's life: cancelled when Dispose begins, so every call, backoff, wait and download in flight ends at once
/// and no attempt is sent afterwards. Calls see it as an <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class ClientLifetime
{
    private readonly CancellationTokenSource _disposing = new();

    /// <summary>Cancelled once Dispose has begun.</summary>
    public CancellationToken Token => _disposing.Token;

    public bool IsDisposed => _disposing.IsCancellationRequested;

    public void ThrowIfDisposed()
    {
        if (_disposing.IsCancellationRequested)
        {
            throw Disposed();
        }
    }

    public ObjectDisposedException Disposed(Exception? inner = null)
        => inner is null
            ? new ObjectDisposedException(nameof(LumaClient), "This LumaClient has been disposed; calls in flight were stopped and no more requests are sent.")
            : new ObjectDisposedException("This LumaClient has been disposed; calls in flight were stopped and no more requests are sent.", inner);

    /// <summary>Cancels everything in flight. The source itself is never disposed: late callers must still see it cancelled.</summary>
    public void Dispose() => _disposing.Cancel();

    /// <summary>A token for slow paths (backoffs, waits) that fires on the caller's cancellation or on Dispose.</summary>
    public CancellationTokenSource Link(CancellationToken caller) => CancellationTokenSource.CreateLinkedTokenSource(caller, _disposing.Token);

    /// <summary>Turns a cancellation that came from Dispose into the exception callers see; the caller's own stays as it is.</summary>
    public Exception Translate(OperationCanceledException cancelled, CancellationToken caller)
        => !caller.IsCancellationRequested && _disposing.IsCancellationRequested ? Disposed(cancelled) : cancelled;
}
