namespace LumaAgents;

/// <summary>
/// Keeps creates inside the requests-per-minute window instead of sending requests that are sure to get a 429.
/// It mirrors the server's 60-second sliding window with a log of this client's own accepted creates (each slot
/// frees 60 s after its 201 arrived, never earlier than on the server), learns the limit from
/// <c>X-RateLimit-Limit</c>, and defers to the server's <c>Remaining</c>/<c>Reset</c> when others share the limit.
/// Until the first response has arrived, one create at a time goes out as a probe, so a burst cannot outrun a limit
/// the client has not yet been told; if that response reports no limit, nothing is held back.
/// </summary>
internal sealed class RateLimitGate
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    /// <summary>Covers the rounding of the server's whole-second reset times.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _accepted = new();
    private readonly TimeProvider _time;
    private int? _limit;
    private bool _learned;
    private int _inFlight;
    private DateTimeOffset _blockedUntil;
    private TaskCompletionSource<bool> _changed = NewSignal();

    public RateLimitGate(TimeProvider time) => _time = time;

    /// <summary>How many accepted creates the window log holds (bounded by the limit).</summary>
    internal int TrackedCreates
    {
        get
        {
            lock (_gate)
            {
                return _accepted.Count;
            }
        }
    }

    /// <summary>Waits until a create may be sent, then reserves its slot. Release with <see cref="Complete"/>.</summary>
    /// <returns>How long it waited (zero when it did not).</returns>
    /// <param name="onHold">Told once, before the first wait, how long it will be (null: until a create in flight is answered).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<TimeSpan> AcquireAsync(Action<TimeSpan?>? onHold, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var told = false;
        while (true)
        {
            TimeSpan? wait;
            Task changed;
            lock (_gate)
            {
                wait = TimeToWait(_time.GetUtcNow());
                if (wait <= TimeSpan.Zero)
                {
                    _inFlight++;
                    return _time.GetElapsedTime(started);
                }

                changed = _changed.Task;
            }

            if (!told)
            {
                told = true;
                onHold?.Invoke(wait);
            }

            // Wake when the window frees a slot or when a create completes, whichever comes first.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = wait is { } due ? Clock.Delay(_time, due, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
            var first = await Task.WhenAny(delay, changed).ConfigureAwait(false);
            stop.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            if (first == delay && delay.IsFaulted)
            {
                await delay.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Releases the reservation and learns from the response (null when the attempt got none).</summary>
    public void Complete(int? status, RateLimitInfo? info)
    {
        lock (_gate)
        {
            _inFlight--;
            _learned |= status is not null;
            var now = _time.GetUtcNow();
            if (info?.Limit is { } limit)
            {
                _limit = limit;
            }

            // The log only has to answer "when does the oldest of the last `limit` creates age out", so it holds at
            // most `limit` entries, and none while no limit is known (a server without rate-limit headers).
            if (status is >= 200 and < 300 && _limit is { } known)
            {
                _accepted.Enqueue(now);
                while (_accepted.Count > known)
                {
                    _accepted.Dequeue();
                }
            }

            Prune(now);
            var previous = _changed;
            _changed = NewSignal();
            previous.TrySetResult(true);
            if (info is { Remaining: 0, ResetsAt: { } reset } && reset > now)
            {
                // Exhausted by our own creates (the log explains it) or by someone sharing the limit: in the
                // first case the log already says when a slot frees; in the second, trust the server.
                if (status == 429 || _limit is null || _accepted.Count < _limit)
                {
                    var until = reset + Margin;
                    if (until > _blockedUntil)
                    {
                        _blockedUntil = until;
                    }
                }
            }
        }
    }

    /// <summary>Zero or less: go now; a duration: a slot frees then; null: every slot is in flight, wait for one.</summary>
    private TimeSpan? TimeToWait(DateTimeOffset now)
    {
        Prune(now);
        if (!_learned && _inFlight > 0)
        {
            return null;
        }

        var wait = _blockedUntil - now;
        if (_limit is { } limit && _accepted.Count + _inFlight >= limit)
        {
            if (_accepted.Count == 0)
            {
                return null;
            }

            var untilSlot = _accepted.Peek() + Window + Margin - now;
            if (untilSlot > wait)
            {
                wait = untilSlot;
            }
        }

        return wait;
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Prune(DateTimeOffset now)
    {
        while (_accepted.Count > 0 && _accepted.Peek() + Window + Margin <= now)
        {
            _accepted.Dequeue();
        }
    }
}
