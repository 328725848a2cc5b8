using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LumaAgents.Testing;

/// <summary>
/// A scripted misbehaviour, applied to the next matching request(s) through <see cref="FakeLumaServer.Faults"/>.
/// Faults model what sits in front of the API (proxies, load balancers, networks): a fault that answers by itself
/// does not reach the API, so it neither creates a job nor counts towards rate limits. Instances are immutable;
/// <see cref="WithHeader"/> returns a copy.
/// </summary>
public sealed class FakeFault
{
    private FakeFault(FakeFaultKind kind, int statusCode = 0, string? body = null, string? contentType = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null, TimeSpan delay = default, FakeFault? then = null, int? keepBytes = null, bool dropConnection = false, bool includeApiHeaders = true)
    {
        Kind = kind;
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers ?? [];
        DelayDuration = delay;
        Then = then;
        KeepBytes = keepBytes;
        DropsConnection = dropConnection;
        IncludesApiHeaders = includeApiHeaders;
    }

    /// <summary>What the fault does.</summary>
    public FakeFaultKind Kind { get; }

    /// <summary>The status answered by <see cref="FakeFaultKind.Respond"/> and <see cref="FakeFaultKind.ProcessThenRespond"/>; 0 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>The body answered, exactly as given (may be empty, truncated or not JSON).</summary>
    public string? Body { get; }

    /// <summary>The <c>Content-Type</c> of <see cref="Body"/>; <see langword="null"/> sends none.</summary>
    public string? ContentType { get; }

    /// <summary>Extra response headers, such as <c>Retry-After</c>, <c>retry-after-ms</c> or <c>x-should-retry</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>How long <see cref="FakeFaultKind.Delay"/> and <see cref="FakeFaultKind.ProcessThenDelay"/> wait, on the server's <see cref="TimeProvider"/>.</summary>
    public TimeSpan DelayDuration { get; }

    /// <summary>What happens after a <see cref="FakeFaultKind.Delay"/>; <see langword="null"/> handles the request normally.</summary>
    public FakeFault? Then { get; }

    /// <summary>How many body bytes <see cref="FakeFaultKind.TruncatedBody"/> sends; <see langword="null"/> sends half.</summary>
    public int? KeepBytes { get; }

    /// <summary>Whether <see cref="FakeFaultKind.TruncatedBody"/> drops the connection (the declared length is not met) rather than ending a shorter, well-formed HTTP response.</summary>
    public bool DropsConnection { get; }

    /// <summary>Whether the answer carries <c>X-Request-Id</c> and <c>X-API-Version</c>, like the API; a proxy's error page does not.</summary>
    public bool IncludesApiHeaders { get; }

    /// <summary>Answers with a status, an optional body and headers, instead of handling the request.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The body; <see langword="null"/> for <c>{"detail":"&lt;reason phrase&gt;"}</c>.</param>
    /// <param name="contentType">The content type; <see langword="null"/> for <c>application/json</c> when the body is the default.</param>
    /// <param name="headers">Extra headers.</param>
    /// <returns>The fault.</returns>
    public static FakeFault Respond(int statusCode, string? body = null, string? contentType = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ThrowIfBadStatus(statusCode);
        return new FakeFault(FakeFaultKind.Respond, statusCode, body ?? DefaultBody(statusCode), body is null ? "application/json" : contentType, headers?.ToArray());
    }

    /// <summary>503 with <c>Retry-After</c>, as when URL ingestion is unavailable (the job is not created).</summary>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> value in seconds.</param>
    /// <returns>The fault.</returns>
    public static FakeFault ServiceUnavailable(int retryAfterSeconds = 1) =>
        Respond(503, Json("URL ingestion is temporarily unavailable"), "application/json", [new("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>A 429 as an upstream throttle sends it: <c>retry-after-ms</c> and, optionally, <c>x-should-retry</c>.</summary>
    /// <param name="retryAfter">The delay advertised in <c>retry-after-ms</c> (and, rounded up, in <c>Retry-After</c>).</param>
    /// <param name="shouldRetry">The <c>x-should-retry</c> value, or <see langword="null"/> for none.</param>
    /// <returns>The fault.</returns>
    public static FakeFault TooManyRequests(TimeSpan retryAfter, bool? shouldRetry = null)
    {
        List<KeyValuePair<string, string>> headers =
        [
            new("retry-after-ms", retryAfter.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)),
            new("Retry-After", Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)),
        ];
        if (shouldRetry is bool retry)
        {
            headers.Add(new("x-should-retry", retry ? "true" : "false"));
        }

        return Respond(429, Json(FakeLumaServerDetails.TooManyRequests), "application/json", headers);
    }

    /// <summary>An HTML error page from a proxy in front of the API (<c>text/html</c>, no API headers).</summary>
    /// <param name="statusCode">The status, 502 by default.</param>
    /// <returns>The fault.</returns>
    public static FakeFault HtmlErrorPage(int statusCode = 502)
    {
        ThrowIfBadStatus(statusCode);
        string reason = ReasonPhrases.GetReasonPhrase(statusCode);
        string html = $"<html>\r\n<head><title>{statusCode} {reason}</title></head>\r\n<body>\r\n<center><h1>{statusCode} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new FakeFault(FakeFaultKind.Respond, statusCode, html, "text/html", includeApiHeaders: false);
    }

    /// <summary>A status with an empty body and no content type.</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns>The fault.</returns>
    public static FakeFault EmptyBody(int statusCode)
    {
        ThrowIfBadStatus(statusCode);
        return new FakeFault(FakeFaultKind.Respond, statusCode, string.Empty, null);
    }

    /// <summary>
    /// Waits on the server's <see cref="FakeLumaServerOptions.TimeProvider"/> (so a manual clock holds the request open
    /// until it is advanced), then handles the request normally or applies <paramref name="then"/>. The wait ends early
    /// if the client gives up or the server stops.
    /// </summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="then">What to do afterwards; <see langword="null"/> handles the request normally.</param>
    /// <returns>The fault.</returns>
    public static FakeFault Delay(TimeSpan delay, FakeFault? then = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new FakeFault(FakeFaultKind.Delay, delay: delay, then: then);
    }

    /// <summary>Drops the connection before reading the request body; nothing happens on the server.</summary>
    /// <returns>The fault.</returns>
    public static FakeFault DropConnection() => new(FakeFaultKind.DropConnection);

    /// <summary>
    /// Handles the request (a POST creates the job), then waits on the server's <see cref="FakeLumaServerOptions.TimeProvider"/>
    /// before answering: the uncertain POST of a client whose timeout fires after the server accepted the job.
    /// </summary>
    /// <param name="delay">How long to hold the answer.</param>
    /// <returns>The fault.</returns>
    public static FakeFault ProcessThenDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new FakeFault(FakeFaultKind.ProcessThenDelay, delay: delay);
    }

    /// <summary>Handles the request (a POST creates the job), then drops the connection: the client cannot know the job exists.</summary>
    /// <returns>The fault.</returns>
    public static FakeFault ProcessThenDrop() => new(FakeFaultKind.ProcessThenDrop);

    /// <summary>Handles the request (a POST creates the job), then answers with an error such as 500 or 504 instead.</summary>
    /// <param name="statusCode">The status, 500 by default.</param>
    /// <param name="body">The body; <see langword="null"/> for <c>{"detail":"&lt;reason phrase&gt;"}</c>.</param>
    /// <param name="contentType">The content type; <see langword="null"/> for <c>application/json</c> when the body is the default.</param>
    /// <returns>The fault.</returns>
    public static FakeFault ProcessThenRespond(int statusCode = 500, string? body = null, string? contentType = null)
    {
        ThrowIfBadStatus(statusCode);
        return new FakeFault(FakeFaultKind.ProcessThenRespond, statusCode, body ?? DefaultBody(statusCode), body is null ? "application/json" : contentType);
    }

    /// <summary>Handles the request normally but sends only part of the response body (JSON or a download).</summary>
    /// <param name="keepBytes">How many body bytes to send; <see langword="null"/> sends half.</param>
    /// <param name="dropConnection">
    /// <see langword="true"/> declares the full <c>Content-Length</c> and drops the connection (the client sees an I/O
    /// error); <see langword="false"/> ends a shorter but well-formed response (the client sees broken content).
    /// </param>
    /// <returns>The fault.</returns>
    public static FakeFault TruncatedBody(int? keepBytes = null, bool dropConnection = false)
    {
        if (keepBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(keepBytes), keepBytes, "Cannot keep a negative number of bytes.");
        }

        return new FakeFault(FakeFaultKind.TruncatedBody, keepBytes: keepBytes, dropConnection: dropConnection);
    }

    /// <summary>Returns a copy that also sends a response header (for faults that answer).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <returns>The copy.</returns>
    public FakeFault WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return new FakeFault(Kind, StatusCode, Body, ContentType, [.. Headers, new(name, value)], DelayDuration, Then, KeepBytes, DropsConnection, IncludesApiHeaders);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FakeFaultKind.Respond => $"Respond {StatusCode}",
        FakeFaultKind.ProcessThenRespond => $"ProcessThenRespond {StatusCode}",
        FakeFaultKind.Delay => Then is null ? $"Delay {DelayDuration}" : $"Delay {DelayDuration}, then {Then}",
        FakeFaultKind.ProcessThenDelay => $"ProcessThenDelay {DelayDuration}",
        FakeFaultKind.TruncatedBody => $"TruncatedBody {(KeepBytes is int keep ? keep.ToString(CultureInfo.InvariantCulture) : "half")}{(DropsConnection ? ", dropped" : string.Empty)}",
        _ => Kind.ToString(),
    };

    private static string DefaultBody(int statusCode) => Json(ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error");

    private static string Json(string detail)
    {
        var builder = new StringBuilder("{\"detail\":\"");
        foreach (char c in detail)
        {
            _ = c is '"' or '\\' ? builder.Append('\\').Append(c) : builder.Append(c);
        }

        return builder.Append("\"}").ToString();
    }

    private static void ThrowIfBadStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
    }
}
