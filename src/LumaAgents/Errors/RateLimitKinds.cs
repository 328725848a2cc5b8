namespace LumaAgents;

/// <summary>Tells the two 429s apart: the API's only signal is the <c>detail</c> text.</summary>
internal static class RateLimitKinds
{
    public static RateLimitKind FromDetail(string? detail)
    {
        if (detail is null)
        {
            return RateLimitKind.Unknown;
        }

        if (detail.IndexOf("concurrent", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return RateLimitKind.ConcurrentJobs;
        }

        return detail.IndexOf("rate limit", StringComparison.OrdinalIgnoreCase) >= 0
            ? RateLimitKind.RequestsPerMinute
            : RateLimitKind.Unknown;
    }
}
