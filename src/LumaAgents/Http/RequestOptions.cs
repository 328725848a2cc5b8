namespace LumaAgents;

/// <summary>Overrides for a single call. Unset members use the client's settings.</summary>
public sealed class RequestOptions
{
    /// <summary>The per-attempt timeout for this call.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The time limit for the whole call, retries and waits included.</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>Retries for this call (0 turns them off).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>
    /// Extra headers for this call. <c>Authorization</c> and <c>User-Agent</c> cannot be replaced here; an
    /// <c>X-Request-Id</c> given here is used for the first attempt (retries get a suffix).
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
