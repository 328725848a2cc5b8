namespace LumaAgents.Redis;

/// <summary>
/// The Lua scripts, each one atomic on the Redis server, all on one clock: Redis's own <c>TIME</c> (in milliseconds),
/// never a client's. Every time they store is a Redis time; every duration they return is in milliseconds.
/// ARGV[1] of every script is the clock: empty for <c>TIME</c>; tests and the compressed-time fleet harness pass
/// <c>v:&lt;ms&gt;</c> (a virtual now) or <c>s:&lt;epoch ms&gt;:&lt;factor&gt;</c> (Redis's <c>TIME</c>, sped up by a
/// constant factor from an epoch, so every process still reads one clock).
/// </summary>
internal static class Scripts
{
    private const string Clock = """
        local function clock(spec)
          if string.sub(spec, 1, 2) == 'v:' then return tonumber(string.sub(spec, 3)) end
          local t = redis.call('TIME')
          local real = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
          if string.sub(spec, 1, 2) == 's:' then
            local sep = string.find(spec, ':', 3, true)
            local epoch = tonumber(string.sub(spec, 3, sep - 1))
            return math.floor(epoch + (real - epoch) * tonumber(string.sub(spec, sep + 1)))
          end
          return real
        end
        local now = clock(ARGV[1])

        """;

    /// <summary>
    /// Hands a freed slot to one waiting process: the live waiter whose registration is oldest is told alone
    /// ('j:&lt;member&gt;'), so a freed slot costs one call, not one per waiting process.
    /// </summary>
    private const string WakeWaiter = """
        local function wake_waiter(waiters, channel)
          redis.call('ZREMRANGEBYSCORE', waiters, '-inf', now)
          local first = redis.call('ZRANGE', waiters, 0, 0)[1]
          if first then
            redis.call('ZREM', waiters, first)
            redis.call('PUBLISH', channel, 'j:' .. first)
          end
        end

        """;

    /// <summary>Drops the leases (and their birth times) whose expiry has passed.</summary>
    private const string PruneLeases = """
        local function prune_leases(jobs, born)
          local gone = redis.call('ZRANGEBYSCORE', jobs, '-inf', now)
          for _, id in ipairs(gone) do redis.call('HDEL', born, id) end
          if #gone > 0 then redis.call('ZREMRANGEBYSCORE', jobs, '-inf', now) end
        end

        """;

    /// <summary>
    /// Admits one create if the shared window has room. KEYS: window, pending, meta, members.
    /// ARGV: clock, token, window ms, margin ms, member id, member ttl ms.
    /// The window holds accepted creates scored by when their answer came (never earlier than the server counted them);
    /// pending holds admitted creates not yet answered, scored by admission. Both count against the learned limit.
    /// Until any create has been answered (no limit learned yet) one create at a time goes out, as a probe.
    /// Returns { admitted 1|0, wait ms (-1: until a create in flight is answered), processes seen, limit or -1 }.
    /// </summary>
    public const string Admit = Clock + """
        local window_ms = tonumber(ARGV[3])
        local margin = tonumber(ARGV[4])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window_ms - margin)
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window_ms - margin)
        redis.call('ZADD', KEYS[4], now + tonumber(ARGV[6]), ARGV[5])
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
        redis.call('PEXPIRE', KEYS[4], tonumber(ARGV[6]))
        local fleet = redis.call('ZCARD', KEYS[4])
        local meta = redis.call('HMGET', KEYS[3], 'limit', 'learned', 'hold')
        local limit = tonumber(meta[1])
        local hold = tonumber(meta[3]) or 0
        local accepted = redis.call('ZCARD', KEYS[1])
        local inflight = redis.call('ZCARD', KEYS[2])
        if meta[2] ~= '1' and inflight > 0 then
          return { 0, -1, fleet, limit or -1 }
        end
        local wait = hold - now
        if limit and accepted + inflight >= limit then
          if accepted == 0 then
            return { 0, -1, fleet, limit }
          end
          local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
          local frees = oldest + window_ms + margin - now
          if frees > wait then wait = frees end
        end
        if wait <= 0 then
          redis.call('ZADD', KEYS[2], now, ARGV[2])
          redis.call('PEXPIRE', KEYS[2], window_ms + margin + 1000)
          return { 1, 0, fleet, limit or -1 }
        end
        return { 0, wait, fleet, limit or -1 }
        """;

    /// <summary>
    /// Records how an admitted create went. KEYS: window, pending, meta, jobs, born, members.
    /// ARGV: clock, token, status ('' when no response), limit, remaining, reset in ms, retry-after ms ('' each when
    /// absent), kind ('rpm'|'jobs'|'unknown'), generation id (''), lease ms, job life ms, window ms, margin ms,
    /// learned job limit ttl ms, channel.
    /// An accepted create (or one whose outcome is unknown) enters the window at the time of its answer; a refused one
    /// leaves no trace. Any answer ends the probe; X-RateLimit-Limit is published; Remaining 0 that the window (its
    /// accepted creates and those still in flight) does not explain, and a requests-per-minute 429's Retry-After, hold every process (at most one window ahead); a
    /// concurrent-jobs 429 lowers the job limit to the jobs the fleet holds. A 201 takes a job lease.
    /// Publishes on the channel when room may have opened. Returns { shared hold left in ms (0: none), processes seen }.
    /// </summary>
    public const string Complete = Clock + PruneLeases + """
        local window_ms = tonumber(ARGV[12])
        local margin = tonumber(ARGV[13])
        local removed = redis.call('ZREM', KEYS[2], ARGV[2])
        local status = tonumber(ARGV[3])
        local changed = false
        if status and redis.call('HSETNX', KEYS[3], 'learned', '1') == 1 then changed = true end
        local limit = tonumber(ARGV[4])
        if limit then
          local old = tonumber(redis.call('HGET', KEYS[3], 'limit'))
          redis.call('HSET', KEYS[3], 'limit', limit)
          if not old or limit > old then changed = true end
        else
          limit = tonumber(redis.call('HGET', KEYS[3], 'limit'))
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window_ms - margin)
        local accepted_or_unknown = (not status) or (status >= 200 and status < 300)
        if accepted_or_unknown and limit then
          redis.call('ZADD', KEYS[1], now, ARGV[2])
          local n = redis.call('ZCARD', KEYS[1])
          if n > limit then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - limit - 1) end
        elseif removed == 1 then
          changed = true
        end
        -- Creates still in flight count too: the server may have counted them already.
        local accepted = redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
        local hold = tonumber(redis.call('HGET', KEYS[3], 'hold')) or 0
        local latest = now + window_ms + margin
        local function hold_until(t)
          if t > latest then t = latest end
          if t > hold then
            hold = t
            redis.call('HSET', KEYS[3], 'hold', t)
          end
        end
        local remaining = tonumber(ARGV[5])
        local reset_in = tonumber(ARGV[6])
        if remaining == 0 and reset_in and reset_in > 0 and (status == 429 or not limit or accepted < limit) then
          hold_until(now + reset_in + margin)
        end
        local retry = tonumber(ARGV[7])
        if status == 429 and retry and ARGV[8] ~= 'jobs' then
          hold_until(now + retry)
        end
        if status == 429 and ARGV[8] == 'jobs' then
          prune_leases(KEYS[4], KEYS[5])
          local held = redis.call('ZCARD', KEYS[4])
          if held < 1 then held = 1 end
          redis.call('HSET', KEYS[3], 'joblimit', held, 'joblimit_until', now + tonumber(ARGV[14]))
        end
        if status and status >= 200 and status < 300 and ARGV[9] ~= '' then
          local life = tonumber(ARGV[11])
          local expiry = now + tonumber(ARGV[10])
          if expiry > now + life then expiry = now + life end
          redis.call('HSETNX', KEYS[5], ARGV[9], now)
          redis.call('ZADD', KEYS[4], expiry, ARGV[9])
          redis.call('PEXPIRE', KEYS[4], life)
          redis.call('PEXPIRE', KEYS[5], life)
        end
        redis.call('PEXPIRE', KEYS[1], window_ms + margin + 1000)
        redis.call('PEXPIRE', KEYS[3], 86400000)
        if changed then redis.call('PUBLISH', ARGV[15], 'w') end
        redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now)
        local fleet = redis.call('ZCARD', KEYS[6])
        if hold > now then return { hold - now, fleet } end
        return { 0, fleet }
        """;

    /// <summary>
    /// Takes a job slot if the fleet holds fewer jobs than the limit. KEYS: jobs, slots, born, meta, waiters.
    /// ARGV: clock, token, configured limit ('' for none), slot ttl ms, member id, waiter ttl ms.
    /// A process refused a slot registers as a waiter (until its ttl), to be woken alone when one frees.
    /// Jobs are leases on created generations, slots are reservations for creates not yet answered; both count, and
    /// both expire. The limit is the configured one, or the one learned from a concurrent-jobs 429 while it is fresh,
    /// whichever is lower; with neither, a slot is always granted (and still counted).
    /// Returns { granted 1|0, ms until the soonest lease or slot expires (-1: none), held, limit or -1 }.
    /// </summary>
    public const string AcquireSlot = Clock + PruneLeases + """
        prune_leases(KEYS[1], KEYS[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
        local limit = tonumber(ARGV[3])
        local meta = redis.call('HMGET', KEYS[4], 'joblimit', 'joblimit_until')
        local learned = tonumber(meta[1])
        local fresh = tonumber(meta[2])
        if learned and fresh and fresh > now and ((not limit) or learned < limit) then limit = learned end
        local held = redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
        if (not limit) or held < limit then
          redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[2])
          redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[4]))
          redis.call('ZREM', KEYS[5], ARGV[5])
          return { 1, 0, held + 1, limit or -1 }
        end
        redis.call('ZADD', KEYS[5], now + tonumber(ARGV[6]), ARGV[5])
        redis.call('PEXPIRE', KEYS[5], tonumber(ARGV[6]))
        local soonest = -1
        for _, key in ipairs({ KEYS[1], KEYS[2] }) do
          local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
          if first[2] then
            local left = tonumber(first[2]) - now
            if soonest < 0 or left < soonest then soonest = left end
          end
        end
        return { 0, soonest, held, limit }
        """;

    /// <summary>
    /// Turns a slot into the lease of the job its create made. KEYS: jobs, slots, born.
    /// ARGV: clock, token, generation id, lease ms, job life ms. A lease never outlives the job's birth plus the job life.
    /// </summary>
    public const string Bind = Clock + """
        redis.call('ZREM', KEYS[2], ARGV[2])
        local born = tonumber(redis.call('HGET', KEYS[3], ARGV[3]))
        if not born then
          born = now
          redis.call('HSET', KEYS[3], ARGV[3], now)
        end
        local expiry = now + tonumber(ARGV[4])
        local cap = born + tonumber(ARGV[5])
        if expiry > cap then expiry = cap end
        if expiry > now then redis.call('ZADD', KEYS[1], expiry, ARGV[3]) end
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]))
        redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[5]))
        return 1
        """;

    /// <summary>
    /// Told a generation's state by any process that read it. KEYS: jobs, born, done, waiters.
    /// ARGV: clock, generation id, terminal '1'|'0', lease ms, job life ms, channel.
    /// Terminal: the lease goes, the job is remembered as done for a lease's time (so a read of it running that lands
    /// later cannot bring its lease back), and one waiting process is told. Running: the lease is renewed (or taken, for
    /// a job read running that nobody leased), never past its birth plus the job life. Returns 1 when a lease was released.
    /// </summary>
    public const string Observe = Clock + WakeWaiter + """
        local lease = tonumber(ARGV[4])
        local life = tonumber(ARGV[5])
        if ARGV[3] == '1' then
          local removed = redis.call('ZREM', KEYS[1], ARGV[2])
          redis.call('HDEL', KEYS[2], ARGV[2])
          redis.call('ZADD', KEYS[3], now + lease, ARGV[2])
          redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
          redis.call('PEXPIRE', KEYS[3], lease)
          if removed == 1 then wake_waiter(KEYS[4], ARGV[6]) end
          return removed
        end
        if redis.call('ZSCORE', KEYS[3], ARGV[2]) then return 0 end
        local born = tonumber(redis.call('HGET', KEYS[2], ARGV[2]))
        if not born then
          born = now
          redis.call('HSET', KEYS[2], ARGV[2], now)
        end
        local expiry = now + lease
        if expiry > born + life then expiry = born + life end
        if expiry > now then
          redis.call('ZADD', KEYS[1], expiry, ARGV[2])
        else
          redis.call('ZREM', KEYS[1], ARGV[2])
        end
        redis.call('PEXPIRE', KEYS[1], life)
        redis.call('PEXPIRE', KEYS[2], life)
        return 0
        """;

    /// <summary>Frees a slot whose create made no job, waking one waiter. KEYS: slots, waiters. ARGV: clock, token, channel. Returns 1 when one was freed.</summary>
    public const string Release = Clock + WakeWaiter + """
        local removed = redis.call('ZREM', KEYS[1], ARGV[2])
        if removed == 1 then wake_waiter(KEYS[2], ARGV[3]) end
        return removed
        """;
}
