using System.Globalization;
using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>
/// Reads the server's retry hint: <c>retry-after-ms</c> (milliseconds, may be fractional) wins over
/// <c>Retry-After</c> in seconds (may be fractional), which wins over <c>Retry-After</c> as an HTTP date. Returns
/// the hint as given (zero or negative included); whether to honour it is the retry rules' decision.
/// </summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (HeaderValues.First(headers, "retry-after-ms") is { } msText
            && TryParseNumber(msText, out var ms))
        {
            return FromMilliseconds(ms);
        }

        if (HeaderValues.First(headers, "Retry-After") is not { } text)
        {
            return null;
        }

        if (TryParseNumber(text, out var seconds))
        {
            return FromMilliseconds(seconds * 1000);
        }

        if (DateTimeOffset.TryParseExact(
                text.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            || DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return date - now;
        }

        return null;
    }

    private static bool TryParseNumber(string text, out double value)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
           && !double.IsNaN(value) && !double.IsInfinity(value);

    // TimeSpan.FromMilliseconds throws past ~29,000 years; a hostile header must not crash the client.
    private static TimeSpan FromMilliseconds(double ms)
        => ms >= TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.MaxValue
            : ms <= TimeSpan.MinValue.TotalMilliseconds ? TimeSpan.MinValue
            : TimeSpan.FromTicks((long)(ms * TimeSpan.TicksPerMillisecond));
}
