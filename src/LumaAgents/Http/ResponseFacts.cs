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

    private readonly HttpResponseHeaders _headers;

    private ResponseFacts(int status, HttpResponseHeaders headers, RateLimitInfo? rateLimit, TimeSpan? retryAfter, string? shouldRetry, string? ignored)
    {
        Status = status;
        _headers = headers;
        RateLimit = rateLimit;
        RetryAfter = retryAfter;
        ShouldRetry = shouldRetry;
        Ignored = ignored;
    }

    public int Status { get; }

    /// <summary>The server's <c>X-Request-Id</c> (read when asked: a success rarely needs it).</summary>
    public string? RequestId => HeaderValues.First(_headers, "X-Request-Id");

    /// <summary>The server's <c>X-API-Version</c> (read when asked).</summary>
    public string? ApiVersion => HeaderValues.First(_headers, "X-API-Version");

    /// <summary>The window, with implausible members dropped; null when the response reported none.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>The server's wait, when positive and plausible (read for error responses only).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The raw <c>x-should-retry</c> header (read for error responses only).</summary>
    public string? ShouldRetry { get; }

    /// <summary>Which header values were dropped as implausible, for a Debug line; null when none were.</summary>
    public string? Ignored { get; }

    /// <summary>For a 429: which limit, from the detail of its (capped) body; set once the body has been read.</summary>
    public RateLimitKind Kind { get; set; }

    /// <summary>
    /// Reads a response's headers once: the rate-limit window always (creates report it on success), the retry hints
    /// only for an error, which is the only answer they can change.
    /// </summary>
    public static ResponseFacts Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var headers = response.Headers;
        string? ignored = null;
        var rateLimit = SaneRateLimit(RateLimitInfo.FromHeaders(headers), now, ref ignored);
        TimeSpan? retryAfter = null;
        string? shouldRetry = null;
        if (!response.IsSuccessStatusCode)
        {
            retryAfter = RetryAfterHeader.Read(headers, now);
            if (retryAfter is { } hint && (hint <= TimeSpan.Zero || hint > LongestPlausibleRetryAfter))
            {
                ignored = Append(ignored, "retry hint " + hint);
                retryAfter = null;
            }

            shouldRetry = HeaderValues.First(headers, "x-should-retry");
        }

        return new ResponseFacts((int)response.StatusCode, headers, rateLimit, retryAfter, shouldRetry, ignored);
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
