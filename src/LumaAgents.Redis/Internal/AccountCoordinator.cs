using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;

namespace LumaAgents.Redis;

/// <summary>
/// One client's view of its account's shared limits: every decision is one atomic script on Redis, and while Redis is
/// unavailable it is made in process, on this process's share of the limits (the limits last read from Redis divided
/// by the processes last seen using them), so a fleet that loses Redis stays near the account's limits, not N times
/// over. Waiters of one client queue behind a single one that asks Redis, so a freed slot costs one call per process,
/// not one per waiter.
/// </summary>
internal sealed class AccountCoordinator : ILumaCoordinator
{
    /// <summary>The API's sliding window.</summary>
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    /// <summary>Covers the rounding of the server's whole-second reset times (as the in-process gate does).</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    /// <summary>A job holds its slot at most this long on the API.</summary>
    internal static readonly TimeSpan JobLife = TimeSpan.FromHours(1);

    /// <summary>How long a job limit learned from a 429 stands before it is learned again.</summary>
    internal static readonly TimeSpan LearnedJobLimitLife = TimeSpan.FromMinutes(10);

    /// <summary>How long a process counts towards the fleet after its last create.</summary>
    internal static readonly TimeSpan MemberLife = TimeSpan.FromMinutes(2);

    /// <summary>A create waiting for the window asks Redis again at least this often, in case an event was lost.</summary>
    internal static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A process waiting for a job slot asks again at least this often: a freed slot wakes one waiter by name, so
    /// this is only the safety net for a lost message (a lease that expires is waited for exactly).
    /// </summary>
    internal static readonly TimeSpan SlotRecheck = TimeSpan.FromSeconds(15);

    private const int MaxTracked = 10_000;

    private readonly RedisSettings _settings;
    private readonly LumaCoordinationContext _client;
    private readonly AccountChannel _channel;
    private readonly RedisKeys _keys;
    private readonly RedisLink _link;
    private readonly TimeProvider _time;
    private readonly string _member = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _admitLane = new(1, 1);
    private readonly SemaphoreSlim _slotLane = new(1, 1);
    private readonly Signal _slotFreed = new();
    private readonly object _gate = new();

    // Generation id → timestamp of the last renewal sent, or Done once it was released.
    private readonly ConcurrentDictionary<string, long> _renewed = new(StringComparer.Ordinal);

    private ILumaCoordinator? _local;
    private int _fleet = 1;
    private int _windowLimit;
    private int _jobLimit;
    private int _held;

    private const long Done = long.MinValue;

    public AccountCoordinator(Task<IConnectionMultiplexer> connecting, AccountChannel channel, RedisSettings settings, LumaCoordinationContext client, InFlight inFlight)
    {
        _settings = settings;
        _client = client;
        _channel = channel;
        _keys = channel.Keys;
        _time = client.TimeProvider;
        _link = new RedisLink(connecting, channel, settings, _time, client.Logger, DescribeFallback, OnShared, inFlight);
    }

    /// <summary>Whether the last Redis call failed and decisions are made in process.</summary>
    internal bool IsLocal => _link.IsDown;

    /// <summary>The job slots this client holds (shared or local).</summary>
    internal int HeldSlots => Volatile.Read(ref _held);

    private int? ConfiguredJobs => _settings.MaxConcurrentJobs ?? _client.MaxConcurrentJobs;

    public ILumaCoordinator ForClient(LumaCoordinationContext client) => this;

    public async ValueTask<ICreateAdmission> AdmitCreateAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        if (!await EnterLaneAsync(_admitLane, maxWait, cancellationToken).ConfigureAwait(false))
        {
            throw Held(maxWait);
        }

        var told = false;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var changed = _channel.Window.Next;
                var token = Guid.NewGuid().ToString("N");
                var result = await _link.EvaluateAsync(Scripts.Admit, [_keys.Window, _keys.Pending, _keys.Meta, _keys.Members], [
                    Clock(), token, Ms(Window), Ms(Margin), _member, Ms(MemberLife),
                ]).ConfigureAwait(false);
                if (result is null)
                {
                    break;
                }

                var answer = (RedisResult[])result!;
                Learn((long)answer[3] > 0 ? (int)answer[3] : null, (int)answer[2]);

                if ((long)answer[0] == 1)
                {
                    var waited = _time.GetElapsedTime(started);
                    if (told)
                    {
                        Log.ThrottledCreate(_client.Logger, waited.TotalMilliseconds);
                    }

                    return new SharedAdmission(this, token, told ? waited : TimeSpan.Zero);
                }

                var waitMs = (long)answer[1];
                var wait = waitMs < 0 ? (TimeSpan?)null : TimeSpan.FromMilliseconds(waitMs);
                if (wait is { } due && due > maxWait + Margin)
                {
                    throw Held(due);
                }

                if (!told)
                {
                    told = true;
                    Log.HoldingCreate(_client.Logger, waitMs);
                }

                await Waits.SignalOrDelayAsync(changed, _time, wait is { } w && w < Recheck ? w : Recheck, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _admitLane.Release();
        }

        // Redis is unavailable: this process's share, in process. Its own hold counts from now.
        RedisCoordinationTelemetry.CountLocal("create");
        return await Local().AdmitCreateAsync(maxWait, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IJobSlot> AcquireJobSlotAsync(CancellationToken cancellationToken = default)
    {
        await _slotLane.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var told = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var changed = _channel.JobsFor(_member).Next;
                var token = Guid.NewGuid().ToString("N");
                var result = await _link.EvaluateAsync(Scripts.AcquireSlot, [_keys.Jobs, _keys.Slots, _keys.Born, _keys.Meta, _keys.Waiters], [
                    Clock(), token, ConfiguredJobs is { } limit ? limit : RedisValue.EmptyString, Ms(_settings.JobLeaseTimeout), _member, Ms(SlotRecheck + SlotRecheck),
                ]).ConfigureAwait(false);
                if (result is not null)
                {
                    var answer = (RedisResult[])result!;
                    if ((long)answer[3] > 0)
                    {
                        Volatile.Write(ref _jobLimit, (int)answer[3]);
                    }

                    if ((long)answer[0] == 1)
                    {
                        Interlocked.Increment(ref _held);
                        return new SharedSlot(this, token);
                    }

                    if (!told)
                    {
                        told = true;
                        Log.WaitingForJobSlot(_client.Logger, (long)answer[2], (long)answer[3]);
                    }

                    var soonest = (long)answer[1];
                    var wait = soonest >= 0 && TimeSpan.FromMilliseconds(soonest) < SlotRecheck ? TimeSpan.FromMilliseconds(soonest) : SlotRecheck;
                    await Waits.SignalOrDelayAsync(changed, _time, wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // Redis is unavailable: a slot of this process's share, counting the slots it already holds.
                var freed = _slotFreed.Next;
                lock (_gate)
                {
                    if (JobShare() is not { } share || _held < share)
                    {
                        _held++;
                        RedisCoordinationTelemetry.CountLocal("job_slot");
                        return new LocalSlot(this);
                    }
                }

                await Waits.SignalOrDelayAsync(freed, _time, _settings.RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _slotLane.Release();
        }
    }

    public async ValueTask ObserveGenerationAsync(string generationId, GenerationState? state, CancellationToken cancellationToken = default)
    {
        if (state is not { } seen || string.IsNullOrEmpty(generationId) || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var terminal = seen == GenerationState.Completed || seen == GenerationState.Failed;
        if (_renewed.TryGetValue(generationId, out var last)
            && (last == Done || (!terminal && _time.GetElapsedTime(last, now) < Quarter(_settings.JobLeaseTimeout))))
        {
            // Released already, or renewed recently enough: nothing Redis needs to hear.
            return;
        }

        var result = await _link.EvaluateAsync(Scripts.Observe, [_keys.Jobs, _keys.Born, _keys.Done, _keys.Waiters], [
            Clock(), generationId, terminal ? "1" : "0", Ms(_settings.JobLeaseTimeout), Ms(JobLife), _keys.ChannelName,
        ]).ConfigureAwait(false);
        if (result is null)
        {
            // Told again on the next read; a lease nobody releases expires by itself.
            return;
        }

        Track(generationId, terminal ? Done : now);
    }

    internal void Track(string generationId, long value)
    {
        if (_renewed.Count >= MaxTracked)
        {
            _renewed.Clear();
        }

        _renewed[generationId] = value;
    }

    internal Task<RedisResult?> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values) => _link.EvaluateAsync(script, keys, values);

    internal RedisKeys Keys => _keys;

    internal RedisSettings Settings => _settings;

    internal TimeProvider Time => _time;

    internal RedisValue Clock() => _settings.ScriptClock?.Invoke(_time) ?? RedisValue.EmptyString;

    internal static RedisValue Ms(TimeSpan span) => (long)span.TotalMilliseconds;

    /// <summary>Remembers what the fleet looked like, for this process's share should Redis fail.</summary>
    internal void Learn(int? windowLimit, int? fleet)
    {
        if (windowLimit is > 0)
        {
            Volatile.Write(ref _windowLimit, windowLimit.Value);
        }

        if (fleet is { } seen)
        {
            Volatile.Write(ref _fleet, Math.Max(1, seen));
        }
    }

    internal void FreeSlot()
    {
        lock (_gate)
        {
            _held--;
        }

        _slotFreed.Raise();
    }

    private static TimeSpan Quarter(TimeSpan span) => TimeSpan.FromTicks(span.Ticks / 4);

    /// <summary>A waiter that queues behind the lane no longer than it would accept a hold.</summary>
    private async Task<bool> EnterLaneAsync(SemaphoreSlim lane, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (lane.Wait(0))
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var entered = lane.WaitAsync(stop.Token);
        var timeout = Waits.Delay(_time, maxWait + Margin, stop.Token);
        await Task.WhenAny(entered, timeout).ConfigureAwait(false);
        stop.Cancel();
        try
        {
            await entered.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    private static LumaRateLimitException Held(TimeSpan due) => new(
        "Rate limit exceeded: the account's shared requests-per-minute window is spent, and a slot frees only after the longest "
        + "wait allowed (RetryOptions.MaxServerDelay); this create was held back and not sent")
    {
        Kind = RateLimitKind.RequestsPerMinute,
        RetryAfter = due,
    };

    private ILumaCoordinator Local()
    {
        lock (_gate)
        {
            return _local ??= _client.CreateLocalCoordinator(WindowShare(), null);
        }
    }

    private int? WindowShare()
    {
        var limit = Volatile.Read(ref _windowLimit);
        return limit > 0 ? Math.Max(1, limit / Volatile.Read(ref _fleet)) : null;
    }

    private int? JobShare()
    {
        var limit = ConfiguredJobs ?? (Volatile.Read(ref _jobLimit) is var learned and > 0 ? learned : null);
        return limit is { } known ? Math.Max(1, known / Volatile.Read(ref _fleet)) : null;
    }

    private string DescribeFallback()
        => string.Format(
            CultureInfo.InvariantCulture,
            "this process's share of the account, of {0} process(es) last seen: {1} creates per minute, {2} jobs",
            Volatile.Read(ref _fleet),
            WindowShare()?.ToString(CultureInfo.InvariantCulture) ?? "the limit the API reports",
            JobShare()?.ToString(CultureInfo.InvariantCulture) ?? "no limit");

    /// <summary>Redis answers again: the next outage starts a fresh in-process gate with the shares known then.</summary>
    private void OnShared()
    {
        lock (_gate)
        {
            _local = null;
        }
    }
}
