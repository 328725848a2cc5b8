using System.Globalization;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Admission to <c>POST /v1/generations</c>: the requests-per-minute window, the concurrent-job slots (by release time)
/// and the creation sequence change together, so one lock keeps the check-then-admit step atomic.
/// </summary>
internal sealed class CreateAdmission(int? requestsPerMinute, int? maxConcurrentJobs)
{
    private readonly Lock _gate = new();
    private readonly SlidingWindow _requestsPerMinuteWindow = new(SlidingWindow.OneMinute);
    private readonly PriorityQueue<bool, DateTimeOffset> _jobSlots = new();
    private int _sequence;

    /// <summary>
    /// Admits one create at the clock's current time (read under the lock, so admissions are ordered in time):
    /// <paramref name="createJob"/> runs under the lock with the next sequence number and that time, and either
    /// builds the job (which then takes a slot and a place in the window) or refuses with a response of its own.
    /// </summary>
    public Admission Admit(TimeProvider time, Func<int, DateTimeOffset, Admitted> createJob)
    {
        lock (_gate)
        {
            DateTimeOffset now = time.GetUtcNow();
            int admitted = 0;
            if (requestsPerMinute is int limit)
            {
                admitted = _requestsPerMinuteWindow.Count(now);
                if (admitted >= limit)
                {
                    DateTimeOffset agesOut = _requestsPerMinuteWindow.OldestAgesOutAt;
                    return new Admission(SimulatedResponse.Detail(429, FakeLumaServerDetails.RateLimitExceeded,
                    [
                        new("Retry-After", Text(SlidingWindow.SecondsUntil(agesOut, now))),
                        new("X-RateLimit-Limit", Text(limit)),
                        new("X-RateLimit-Remaining", "0"),
                        new("X-RateLimit-Reset", Text(SlidingWindow.EpochSecondsCeiling(agesOut))),
                    ]), null, []);
                }
            }

            if (maxConcurrentJobs is int maxJobs)
            {
                while (_jobSlots.TryPeek(out _, out DateTimeOffset releasedAt) && releasedAt <= now)
                {
                    _jobSlots.Dequeue();
                }

                if (_jobSlots.Count >= maxJobs)
                {
                    return new Admission(SimulatedResponse.Detail(429, FakeLumaServerDetails.TooManyConcurrentJobs, [new("Retry-After", "60")]), null, []);
                }
            }

            int sequence = _sequence + 1;
            Admitted job = createJob(sequence, now);
            if (job.Refusal is not null)
            {
                return new Admission(job.Refusal, null, []);
            }

            StoredGeneration generation = job.Generation!;
            _sequence = sequence;
            if (maxConcurrentJobs is not null)
            {
                _jobSlots.Enqueue(true, generation.SlotReleasedAt);
            }

            List<KeyValuePair<string, string>> headers = [];
            if (requestsPerMinute is int rpm)
            {
                _requestsPerMinuteWindow.Add(now);
                headers.Add(new("X-RateLimit-Limit", Text(rpm)));
                headers.Add(new("X-RateLimit-Remaining", Text(Math.Max(0, rpm - admitted - 1))));
                headers.Add(new("X-RateLimit-Reset", Text(SlidingWindow.EpochSecondsCeiling(now + SlidingWindow.OneMinute))));
            }

            return new Admission(null, generation, headers);
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the job factory decided: a generation to admit, or a refusal (such as a broken outcome selector).</summary>
    internal readonly record struct Admitted(StoredGeneration? Generation, SimulatedResponse? Refusal);

    /// <summary>A 429 (or the factory's refusal), or the admitted generation and the rate-limit headers of its 201.</summary>
    internal readonly record struct Admission(SimulatedResponse? Refusal, StoredGeneration? Generation, List<KeyValuePair<string, string>> Headers);
}
