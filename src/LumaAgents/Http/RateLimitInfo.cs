using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>
/// The requests-per-minute window as the server last reported it (<c>X-RateLimit-*</c> headers, sent on creates).
/// Each member is null when its header was missing or unreadable.
/// </summary>
/// <param name="Limit">Creates allowed per sliding 60-second window.</param>
/// <param name="Remaining">Creates left in the window; it can rise again as old requests age out.</param>
/// <param name="ResetsAt">When the window next frees a slot (from Unix epoch seconds).</param>
[DebuggerDisplay("{Remaining}/{Limit}, resets at {ResetsAt}")]
public sealed record RateLimitInfo(int? Limit, int? Remaining, DateTimeOffset? ResetsAt)
{
    /// <summary>Reads the rate-limit headers; null when none of them is present and readable.</summary>
    /// <param name="headers">The response headers.</param>
    public static RateLimitInfo? FromHeaders(HttpResponseHeaders headers)
    {
        if (headers is null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        var limit = ReadInt(headers, "X-RateLimit-Limit");
        var remaining = ReadInt(headers, "X-RateLimit-Remaining");
        var reset = ReadEpoch(headers, "X-RateLimit-Reset");
        return limit is null && remaining is null && reset is null ? null : new RateLimitInfo(limit, remaining, reset);
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name)
        => HeaderValues.First(headers, name) is { } text
           && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
           && value >= 0
            ? value
            : null;

    private static DateTimeOffset? ReadEpoch(HttpResponseHeaders headers, string name)
    {
        if (HeaderValues.First(headers, name) is not { } text
            || !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || double.IsNaN(seconds) || seconds < 0 || seconds > 253_402_300_799)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }
}
