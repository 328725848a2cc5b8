using System.Globalization;
using System.Net;

namespace LumaAgents;

/// <summary>
/// 429: a rate limit refused the request. <see cref="Kind"/> tells the requests-per-minute limit from the
/// concurrent-jobs limit; <see cref="LumaApiException.RetryAfter"/> says how long to wait.
/// </summary>
public sealed class LumaRateLimitException : LumaApiException
{
    /// <summary>Creates the exception; the kind is read from the detail text.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaRateLimitException(string? detail = null, Exception? innerException = null)
        : base((HttpStatusCode)429, detail, innerException)
    {
        Kind = RateLimitKinds.FromDetail(detail);
    }

    /// <summary>Which limit was hit.</summary>
    public RateLimitKind Kind { get; init; }

    private protected override string? Hint
    {
        get
        {
            var wait = RetryAfter is { } after
                ? "Retry after " + after.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
                : "Retry later";
            return Kind switch
            {
                RateLimitKind.ConcurrentJobs => wait + ", once one of your running generations has finished",
                RateLimitKind.RequestsPerMinute => wait + "; creates are limited per minute over a sliding window",
                _ => wait,
            };
        }
    }
}
