namespace LumaAgents.Testing.Internal;

/// <summary>The API-wide abuse ceiling: a sliding window over every request, answered by a bare 429 with <c>Retry-After</c>.</summary>
internal sealed class AbuseCeiling(int limit)
{
    private readonly Lock _gate = new();
    private readonly SlidingWindow _window = new(SlidingWindow.OneMinute);

    public bool TryAdmit(DateTimeOffset now, out long retryAfterSeconds)
    {
        lock (_gate)
        {
            if (_window.Count(now) >= limit)
            {
                retryAfterSeconds = SlidingWindow.SecondsUntil(_window.OldestAgesOutAt, now);
                return false;
            }

            _window.Add(now);
            retryAfterSeconds = 0;
            return true;
        }
    }
}
