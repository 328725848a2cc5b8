namespace LumaAgents.Testing;

/// <summary>
/// A virtual clock for tests: time moves only when the test says so (<see cref="Advance"/>), and due timers fire in
/// order. Give the same instance to <see cref="FakeLumaServerOptions.TimeProvider"/> and to the client's
/// <c>LumaClientOptions.TimeProvider</c>, and a ten-minute wait runs in milliseconds.
/// </summary>
/// <remarks>
/// Kept beside <c>Microsoft.Extensions.Time.Testing.FakeTimeProvider</c> (which <see cref="VirtualTime"/> drives in
/// steps) because it does what that clock cannot: it says which timers are pending (<see cref="PendingTimers"/>,
/// <see cref="WaitForTimersAsync"/>), fires each timer at its own due instant during one <see cref="Advance"/> (the
/// fake fires them all at the end of the advance), and so can jump straight to the next due timer.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _timestamp;

    /// <summary>The instant a clock starts at when none is given: 2026-04-08 12:00:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a clock.</summary>
    /// <param name="start">The starting instant; <see cref="DefaultStart"/> when null.</param>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? DefaultStart;
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _timestamp;
        }
    }

    /// <summary>Timers that are scheduled and have not fired (or been disposed).</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward, firing every timer that falls due on the way, in order.</summary>
    /// <param name="by">How far; not negative.</param>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by));
        }

        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } due && due <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                var moveTo = next?.DueAt ?? target;
                if (moveTo > _now)
                {
                    _timestamp += (moveTo - _now).Ticks;
                    _now = moveTo;
                }

                next?.Reschedule(_now);
            }

            if (next is null)
            {
                return;
            }

            next.Fire();
        }
    }

    /// <summary>
    /// Waits (in real time, briefly) until at least <paramref name="count"/> timers are pending: the code under test
    /// has reached its delay, so advancing now is meaningful.
    /// </summary>
    /// <param name="count">How many pending timers to wait for.</param>
    /// <param name="timeoutMs">Real milliseconds before giving up with <see cref="TimeoutException"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task WaitForTimersAsync(int count = 1, int timeoutMs = 10_000, CancellationToken cancellationToken = default)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (PendingTimers < count)
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Expected {count} pending timer(s), saw {PendingTimers}.");
            }

            await Task.Delay(1, cancellationToken);
        }
    }

    /// <summary>
    /// Advances step by step until <paramref name="task"/> completes: whenever the code under test is idle (nothing
    /// <paramref name="isBusy"/>, e.g. no HTTP request on the wire) and waits on a timer, time jumps to when that
    /// timer is due. For flows with several sequential delays (polling, backoff, throttling). Without
    /// <paramref name="isBusy"/>, give the client no per-attempt timeout on this clock
    /// (<c>Timeout = Timeout.InfiniteTimeSpan</c>): otherwise time could jump past it while a request is on the wire.
    /// </summary>
    /// <param name="task">The work to drive.</param>
    /// <param name="isBusy">Whether the code under test is doing real I/O right now (time must not jump then).</param>
    /// <param name="limit">The most virtual time to let pass (default one day).</param>
    /// <param name="realTimeoutMs">Real milliseconds before giving up with <see cref="TimeoutException"/>.</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <returns>The task's result.</returns>
    public async Task<T> RunUntilCompleteAsync<T>(
        Task<T> task, Func<bool>? isBusy = null, TimeSpan? limit = null, int realTimeoutMs = 60_000, CancellationToken cancellationToken = default)
    {
        await RunUntilCompleteAsync((Task)task, isBusy, limit, realTimeoutMs, cancellationToken);
        return await task;
    }

    /// <summary>Like <see cref="RunUntilCompleteAsync{T}(Task{T}, Func{bool}, TimeSpan?, int, CancellationToken)"/>, for a task without a result.</summary>
    /// <param name="task">The work to drive.</param>
    /// <param name="isBusy">Whether the code under test is doing real I/O right now (time must not jump then).</param>
    /// <param name="limit">The most virtual time to let pass (default one day).</param>
    /// <param name="realTimeoutMs">Real milliseconds before giving up with <see cref="TimeoutException"/>.</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    public async Task RunUntilCompleteAsync(
        Task task, Func<bool>? isBusy = null, TimeSpan? limit = null, int realTimeoutMs = 60_000, CancellationToken cancellationToken = default)
    {
        var virtualLimit = GetUtcNow() + (limit ?? TimeSpan.FromDays(1));
        var realDeadline = Environment.TickCount64 + realTimeoutMs;
        var idleChecks = 0;
        while (!task.IsCompleted)
        {
            if (Environment.TickCount64 > realDeadline)
            {
                throw new TimeoutException("The task did not complete in real time.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAny(task, Task.Delay(1, cancellationToken));
            if (task.IsCompleted)
            {
                break;
            }

            // Two idle looks in a row: continuations after a response have had time to reach their next timer.
            idleChecks = isBusy?.Invoke() == true ? 0 : idleChecks + 1;
            if (idleChecks < 2)
            {
                continue;
            }

            DateTimeOffset? nextDue;
            lock (_gate)
            {
                nextDue = _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt).Min();
            }

            if (nextDue is { } due && due <= virtualLimit)
            {
                Advance(due > GetUtcNow() ? due - GetUtcNow() : TimeSpan.Zero);
                idleChecks = 0;
            }
        }

        // The task's own outcome, exceptions included: a failing call must fail the test that drives it.
        await task;
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private void Schedule(ManualTimer timer)
    {
        lock (_gate)
        {
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }
        }
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly ManualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private TimeSpan _period;

        public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = null;
                    _owner._timers.Remove(this);
                    return true;
                }

                DueAt = _owner._now + dueTime;
                _owner.Schedule(this);
                return true;
            }
        }

        /// <summary>Called under the owner's lock when the timer fires: next due time, or none.</summary>
        public void Reschedule(DateTimeOffset now)
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                DueAt = now + _period;
            }
            else
            {
                DueAt = null;
                _owner._timers.Remove(this);
            }
        }

        public void Fire() => _callback(_state);

        public void Dispose()
        {
            lock (_owner._gate)
            {
                DueAt = null;
            }

            _owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
