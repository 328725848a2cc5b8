namespace LumaAgents.Testing.Internal;

/// <summary>Timestamps of admitted requests over the last <c>length</c>; not thread-safe, callers hold a lock.</summary>
internal sealed class SlidingWindow(TimeSpan length)
{
    /// <summary>The length of the API's windows (requests per minute, the abuse ceiling).</summary>
    public static readonly TimeSpan OneMinute = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _admitted = new();

    public int Count(DateTimeOffset now)
    {
        while (_admitted.TryPeek(out DateTimeOffset oldest) && oldest + length <= now)
        {
            _admitted.Dequeue();
        }

        return _admitted.Count;
    }

    /// <summary>When the oldest admitted request ages out; only meaningful while <see cref="Count"/> is positive.</summary>
    public DateTimeOffset OldestAgesOutAt => _admitted.Peek() + length;

    public void Add(DateTimeOffset now) => _admitted.Enqueue(now);

    /// <summary>Whole seconds (at least 1) until the oldest request ages out, as <c>Retry-After</c> wants them.</summary>
    public static long SecondsUntil(DateTimeOffset moment, DateTimeOffset now) =>
        Math.Max(1, (long)Math.Ceiling((moment - now).TotalSeconds));

    /// <summary>The Unix second at or after <paramref name="moment"/>, as <c>X-RateLimit-Reset</c> wants it.</summary>
    public static long EpochSecondsCeiling(DateTimeOffset moment)
    {
        long milliseconds = moment.ToUnixTimeMilliseconds();
        return (milliseconds / 1000) + (milliseconds % 1000 > 0 ? 1 : 0);
    }
}
