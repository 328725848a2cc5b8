namespace LumaAgents.Redis;

/// <summary>A wake-up for waiters: take <see cref="Next"/> before looking, and it completes on the next <see cref="Raise"/>.</summary>
internal sealed class Signal
{
    private TaskCompletionSource<bool> _next = New();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Raise() => Interlocked.Exchange(ref _next, New()).TrySetResult(true);

    private static TaskCompletionSource<bool> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
