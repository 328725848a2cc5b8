using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>
/// What one response said besides its body, read once and sanity-bounded: the request id, the API version, the
/// rate-limit window, the retry hint, the server's retry verdict and, for a 429, which limit was hit. The rate-limit
/// gate, the retry rules and the exceptions all use this one reading, so no header can mean two things in two places.
/// </summary>
internal sealed class ResponseFacts
{
    /// <summary>The API's window is 60 s and its Reset is never more than that ahead; two windows is generous.</summary>
    internal static readonly TimeSpan LongestPlausibleReset = TimeSpan.FromSeconds(120);

    /// <summary>The API asks for at most 60 s; a proxy might ask for minutes; anything past an hour is not a hint.</summary>
    internal static readonly TimeSpan LongestPlausibleRetryAfter = TimeSpan.FromHours(1);

    private ResponseFacts(int status, string? requestId, string? apiVersion, RateLimitInfo? rateLimit, TimeSpan? retryAfter, string? shouldRetry, string? ignored)
    {
        Status = status;
        RequestId = requestId;
        ApiVersion = apiVersion;
        RateLimit = rateLimit;
        RetryAfter = retryAfter;
        ShouldRetry = shouldRetry;
        Ignored = ignored;
    }

    public int Status { get; }

    public string? RequestId { get; }

    public string? ApiVersion { get; }

    /// <summary>The window, with implausible members dropped; null when the response reported none.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>The server's wait, when positive and plausible.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The raw <c>x-should-retry</c> header.</summary>
    public string? ShouldRetry { get; }

    /// <summary>Which header values were dropped as implausible, for a Debug line; null when none were.</summary>
    public string? Ignored { get; }

    /// <summary>For a 429: which limit, from the detail of its (capped) body; set once the body has been read.</summary>
    public RateLimitKind Kind { get; set; }

    public static ResponseFacts Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var headers = response.Headers;
        string? ignored = null;
        var rateLimit = SaneRateLimit(RateLimitInfo.FromHeaders(headers), now, ref ignored);
        var retryAfter = RetryAfterHeader.Read(headers, now);
        if (retryAfter is { } hint && (hint <= TimeSpan.Zero || hint > LongestPlausibleRetryAfter))
        {
            ignored = Append(ignored, "retry hint " + hint);
            retryAfter = null;
        }

        return new ResponseFacts(
            (int)response.StatusCode,
            HeaderValues.First(headers, "X-Request-Id"),
            HeaderValues.First(headers, "X-API-Version"),
            rateLimit,
            retryAfter,
            HeaderValues.First(headers, "x-should-retry"),
            ignored);
    }

    /// <summary>
    /// Keeps what the API can mean: a limit of at least one, a remaining count within it, a reset between now and two
    /// windows ahead. What falls outside is unknown, so no header can freeze or stall the client.
    /// </summary>
    internal static RateLimitInfo? SaneRateLimit(RateLimitInfo? info, DateTimeOffset now, ref string? ignored)
    {
        if (info is null)
        {
            return null;
        }

        var limit = info.Limit;
        if (limit is <= 0)
        {
            // A window that admits nothing is no window the API has: none of its numbers can be trusted.
            ignored = Append(ignored, "the whole window (X-RateLimit-Limit " + limit + ")");
            return null;
        }

        var remaining = info.Remaining;
        if (remaining is { } left && limit is { } max && left > max)
        {
            ignored = Append(ignored, $"X-RateLimit-Remaining {left} above the limit {max}");
            remaining = max;
        }

        var reset = info.ResetsAt;
        if (reset is { } at && (at < now - TimeSpan.FromSeconds(1) || at > now + LongestPlausibleReset))
        {
            ignored = Append(ignored, "X-RateLimit-Reset " + at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            reset = null;
        }

        if (limit is null && remaining is null && reset is null)
        {
            return null;
        }

        return limit == info.Limit && remaining == info.Remaining && reset == info.ResetsAt ? info : new RateLimitInfo(limit, remaining, reset);
    }

    private static string Append(string? list, string item) => list is null ? item : list + "; " + item;
}
