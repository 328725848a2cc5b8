namespace LumaAgents;

/// <summary>Which rate limit a 429 came from.</summary>
public enum RateLimitKind
{
    /// <summary>Not recognised (for example the API-wide abuse ceiling).</summary>
    Unknown = 0,

    /// <summary>Too many creates in the sliding 60-second window (<c>Rate limit exceeded</c>).</summary>
    RequestsPerMinute = 1,

    /// <summary>Too many unfinished jobs at once (<c>Too many concurrent jobs</c>): wait for one to finish.</summary>
    ConcurrentJobs = 2,
}
