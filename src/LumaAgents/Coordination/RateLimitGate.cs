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
    private readonly Microsoft.Extensions.Logging.ILogger _logger;
    private readonly Admission _immediate;
    private readonly int? _limitCap;
    private int? _limit;
    private bool _learned;
    private int _inFlight;
    private DateTimeOffset _blockedUntil;
    private TaskCompletionSource<bool> _changed = NewSignal();

    // Whether a held create is waiting on _changed: only then does a completion replace and signal it, so the common
    // case (nobody held) allocates no new signal per create.
    private bool _signalTaken;

    /// <param name="time">The clock.</param>
    /// <param name="logger">Where holds are logged.</param>
    /// <param name="limitCap">
    /// At most this many creates per window whatever the server reports: a share of the account's limit, for a client
    /// that decides alone for a while although it shares the account (a shared coordinator whose store is down).
    /// </param>
    public RateLimitGate(TimeProvider time, Microsoft.Extensions.Logging.ILogger logger, int? limitCap = null)
    {
        _time = time;
        _logger = logger;
        _limitCap = limitCap;
        _immediate = new Admission(this, TimeSpan.Zero);
    }

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

    /// <summary>
    /// Waits until a create may be sent, then reserves its slot; a hold longer than <paramref name="maxWait"/> throws
    /// <see cref="LumaRateLimitException"/> at once instead. Release the slot with the admission's CompleteAsync.
    /// </summary>
    public async ValueTask<ICreateAdmission> AdmitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
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
                    var waited = _time.GetElapsedTime(started);
                    if (!told)
                    {
                        return _immediate;
                    }

                    Diagnostics.Log.ThrottledCreate(_logger, waited.TotalMilliseconds);
                    return new Admission(this, waited);
                }

                changed = _changed.Task;
                _signalTaken = true;
            }

            if (wait is { } due && due > maxWait + Margin)
            {
                throw new LumaRateLimitException(
                    "Rate limit exceeded: the requests-per-minute window is spent, and a slot frees only after the longest wait "
                    + "allowed (RetryOptions.MaxServerDelay); this create was held back and not sent")
                {
                    Kind = RateLimitKind.RequestsPerMinute,
                    RetryAfter = due,
                };
            }

            if (!told)
            {
                told = true;
                Diagnostics.Log.HoldingCreate(_logger, wait is { } hold ? hold.TotalMilliseconds : -1);
            }

            // Wake when the window frees a slot or when a create completes, whichever comes first.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = wait is { } until ? Clock.Delay(_time, until, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
            var first = await Task.WhenAny(delay, changed).ConfigureAwait(false);
            stop.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            if (first == delay && delay.IsFaulted)
            {
                await delay.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Releases the reservation and learns from the response (status null when the attempt got none).</summary>
    public void Complete(CreateOutcome outcome)
    {
        var status = outcome.StatusCode;
        var info = outcome.RateLimit;
        lock (_gate)
        {
            _inFlight--;
            _learned |= status is not null;
            var now = _time.GetUtcNow();
            if (info?.Limit is { } limit)
            {
                _limit = _limitCap is { } cap && cap < limit ? cap : limit;
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
            if (_signalTaken)
            {
                var previous = _changed;
                _changed = NewSignal();
                _signalTaken = false;
                previous.TrySetResult(true);
            }

            if (info is { Remaining: 0, ResetsAt: { } reset } && reset > now)
            {
                // Exhausted by our own creates (the log, with those still in flight, explains it) or by someone sharing
                // the limit: in the first case the log already says when a slot frees; in the second, trust the server.
                if (status == 429 || _limit is null || _accepted.Count + _inFlight < _limit)
                {
                    BlockUntil(reset + Margin, now);
                }
            }

            if (status == 429 && outcome.Kind == RateLimitKind.RequestsPerMinute && outcome.RetryAfter is { } after)
            {
                BlockUntil(now + after, now);
            }
        }
    }

    /// <summary>Never more than one window ahead, whatever a header said: no response can hold creates longer.</summary>
    private void BlockUntil(DateTimeOffset until, DateTimeOffset now)
    {
        var latest = now + Window + Margin;
        if (until > latest)
        {
            until = latest;
        }

        if (until > _blockedUntil)
        {
            _blockedUntil = until;
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

    /// <summary>A reservation; shared by every admission granted without a hold, since it carries nothing else.</summary>
    private sealed class Admission : ICreateAdmission
    {
        private readonly RateLimitGate _gate;

        public Admission(RateLimitGate gate, TimeSpan waited)
        {
            _gate = gate;
            Waited = waited;
        }

        public TimeSpan Waited { get; }

        public ValueTask CompleteAsync(CreateOutcome outcome, CancellationToken cancellationToken = default)
        {
            _gate.Complete(outcome);
            return default;
        }
    }
}
