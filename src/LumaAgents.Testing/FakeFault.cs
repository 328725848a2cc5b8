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
    /// <summary>The body size <see cref="HugeBody"/> sends by default: 50 MiB, far above any sane cap on an error body.</summary>
    public const long DefaultHugeBodyBytes = 50L * 1024 * 1024;

    private FakeFault(FakeFaultKind kind, int statusCode = 0, string? body = null, string? contentType = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null, TimeSpan delay = default, FakeFault? then = null, int? keepBytes = null, bool dropConnection = false, bool includeApiHeaders = true, TimeSpan? stallFor = null, int chunkBytes = 0, long bodyBytes = 0, bool declaresLength = true)
    {
        StallDuration = stallFor;
        ChunkBytes = chunkBytes;
        BodyBytes = bodyBytes;
        DeclaresLength = declaresLength;
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

    /// <summary>How long <see cref="FakeFaultKind.StalledBody"/> stops sending, on the server's clock; <see langword="null"/> stops until the client gives up or the server stops.</summary>
    public TimeSpan? StallDuration { get; }

    /// <summary>How many body bytes <see cref="FakeFaultKind.TrickledBody"/> sends per piece (every <see cref="DelayDuration"/>); 0 otherwise.</summary>
    public int ChunkBytes { get; }

    /// <summary>How many body bytes <see cref="FakeFaultKind.HugeBody"/> sends; 0 otherwise.</summary>
    public long BodyBytes { get; }

    /// <summary>Whether a <see cref="FakeFaultKind.HugeBody"/> answer declares its <c>Content-Length</c>; <see langword="false"/> sends it chunked, with no length known in advance.</summary>
    public bool DeclaresLength { get; }

    /// <summary>
    /// The nonsense <see cref="GarbageHeaders"/> sends when given no headers: rate-limit facts that cannot be true
    /// (<c>X-RateLimit-Limit: abc</c>, a negative remaining count, a reset in the year 3 billion), retry hints that
    /// make no sense (<c>Retry-After: -5</c>, <c>retry-after-ms: NaN</c>, <c>x-should-retry: maybe</c>) and an
    /// <c>X-Request-Id</c> with bytes outside ASCII (sent as Latin-1 over a socket).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> DefaultGarbageHeaders { get; } =
    [
        new("X-RateLimit-Limit", "abc"),
        new("X-RateLimit-Remaining", "-1"),
        new("X-RateLimit-Reset", "99999999999999999999"),
        new("Retry-After", "-5"),
        new("retry-after-ms", "NaN"),
        new("x-should-retry", "maybe"),
        new("X-Request-Id", "req-\u00e9\u00ff\u00a0\u00c3\u0028"),
    ];

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

    /// <summary>
    /// Handles the request normally, sends the headers (with the full <c>Content-Length</c>) and the first
    /// <paramref name="keepBytes"/> bytes of the body, then sends nothing for <paramref name="stallFor"/> on the
    /// server's <see cref="FakeLumaServerOptions.TimeProvider"/> before the rest, or, when <paramref name="stallFor"/> is
    /// <see langword="null"/>, until the client gives up or the server stops: the half-open connection a client
    /// needs an idle timeout for. Works for JSON answers and downloads alike.
    /// </summary>
    /// <param name="keepBytes">How many body bytes to send before stalling (0 stalls right after the headers).</param>
    /// <param name="stallFor">How long to stall; <see langword="null"/> for as long as the client waits.</param>
    /// <returns>The fault.</returns>
    public static FakeFault StalledBody(int keepBytes = 0, TimeSpan? stallFor = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepBytes);
        if (stallFor < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(stallFor), stallFor, "A stall cannot be negative.");
        }

        return new FakeFault(FakeFaultKind.StalledBody, keepBytes: keepBytes, stallFor: stallFor);
    }

    /// <summary>
    /// Handles the request normally, then sends the body <paramref name="bytesPerChunk"/> bytes at a time (the first
    /// piece at once), waiting <paramref name="interval"/> on the server's <see cref="FakeLumaServerOptions.TimeProvider"/>
    /// between pieces: a connection that is never idle for long but takes ages in total, which an idle timeout does
    /// not catch and a total timeout does. The wait ends early if the client gives up or the server stops.
    /// </summary>
    /// <param name="bytesPerChunk">Bytes per piece, at least 1.</param>
    /// <param name="interval">The wait between pieces.</param>
    /// <returns>The fault.</returns>
    public static FakeFault TrickledBody(int bytesPerChunk, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerChunk, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        return new FakeFault(FakeFaultKind.TrickledBody, delay: interval, chunkBytes: bytesPerChunk);
    }

    /// <summary>
    /// Handles the request normally (a POST really creates the job), then answers with each of
    /// <paramref name="headers"/> replacing the header of that name (or added, when the answer had none): a proxy or a
    /// buggy server in front of the API. Values may carry bytes outside ASCII (characters up to U+00FF, sent as
    /// Latin-1), but no control characters, which no HTTP server can send.
    /// </summary>
    /// <param name="headers">The headers; <see langword="null"/> for <see cref="DefaultGarbageHeaders"/>.</param>
    /// <returns>The fault.</returns>
    public static FakeFault GarbageHeaders(IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        KeyValuePair<string, string>[] copy = headers?.ToArray() ?? [.. DefaultGarbageHeaders];
        foreach (KeyValuePair<string, string> header in copy)
        {
            ThrowIfUnsendable(header.Key, header.Value);
        }

        return new FakeFault(FakeFaultKind.GarbageHeaders, headers: copy);
    }

    /// <summary>
    /// Answers with <paramref name="statusCode"/> and a body of <paramref name="sizeBytes"/> bytes (an HTML error page
    /// padded with filler) instead of handling the request: the 50 MB or 190 MB error page of a broken proxy. The body
    /// is streamed from one reused buffer, so the server never holds it; only the client can.
    /// </summary>
    /// <param name="sizeBytes">The body size; <see cref="DefaultHugeBodyBytes"/> by default.</param>
    /// <param name="statusCode">The status, 503 by default.</param>
    /// <param name="contentType">The content type, <c>text/html</c> by default.</param>
    /// <param name="declareLength"><see langword="false"/> sends the body chunked, with no <c>Content-Length</c>.</param>
    /// <returns>The fault.</returns>
    public static FakeFault HugeBody(long sizeBytes = DefaultHugeBodyBytes, int statusCode = 503, string contentType = "text/html", bool declareLength = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        ThrowIfBadStatus(statusCode);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return new FakeFault(FakeFaultKind.HugeBody, statusCode, contentType: contentType, includeApiHeaders: false, bodyBytes: sizeBytes, declaresLength: declareLength);
    }

    /// <summary>
    /// Answers with a redirect to <paramref name="location"/>, sent exactly as given, instead of handling the request:
    /// another host or port (another <see cref="FakeLumaServer"/>, or a closed port), another scheme
    /// (<c>file:///etc/passwd</c>, <c>ftp://…</c>), a relative path, or nonsense. The answer has no body and no API
    /// headers, like a proxy's or a CDN's.
    /// </summary>
    /// <param name="location">The <c>Location</c> header.</param>
    /// <param name="statusCode">301, 302, 303, 307 or 308 (any 3xx is accepted); 302 by default.</param>
    /// <returns>The fault.</returns>
    public static FakeFault Redirect(string location, int statusCode = 302)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 399);
        ThrowIfUnsendable("Location", location);
        return new FakeFault(FakeFaultKind.Redirect, statusCode, string.Empty, null, [new("Location", location)], includeApiHeaders: false);
    }

    /// <summary>Returns a copy that also sends a response header (for faults that answer).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <returns>The copy.</returns>
    public FakeFault WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        ThrowIfUnsendable(name, value);
        return new FakeFault(Kind, StatusCode, Body, ContentType, [.. Headers, new(name, value)], DelayDuration, Then, KeepBytes, DropsConnection, IncludesApiHeaders, StallDuration, ChunkBytes, BodyBytes, DeclaresLength);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FakeFaultKind.Respond => $"Respond {StatusCode}",
        FakeFaultKind.ProcessThenRespond => $"ProcessThenRespond {StatusCode}",
        FakeFaultKind.Delay => Then is null ? $"Delay {DelayDuration}" : $"Delay {DelayDuration}, then {Then}",
        FakeFaultKind.ProcessThenDelay => $"ProcessThenDelay {DelayDuration}",
        FakeFaultKind.TruncatedBody => $"TruncatedBody {(KeepBytes is int keep ? keep.ToString(CultureInfo.InvariantCulture) : "half")}{(DropsConnection ? ", dropped" : string.Empty)}",
        FakeFaultKind.StalledBody => $"StalledBody after {KeepBytes} bytes for {(StallDuration is { } stall ? stall.ToString() : "ever")}",
        FakeFaultKind.TrickledBody => $"TrickledBody {ChunkBytes} bytes every {DelayDuration}",
        FakeFaultKind.GarbageHeaders => $"GarbageHeaders {string.Join(", ", Headers.Select(h => h.Key))}",
        FakeFaultKind.HugeBody => $"HugeBody {StatusCode} {BodyBytes.ToString(CultureInfo.InvariantCulture)} bytes{(DeclaresLength ? string.Empty : ", chunked")}",
        FakeFaultKind.Redirect => $"Redirect {StatusCode}",
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

    private static void ThrowIfUnsendable(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        foreach (char c in value)
        {
            if ((c < ' ' && c != '\t') || c == '\x7F' || c > '\xFF')
            {
                throw new ArgumentException($"The value of header '{name}' has a character (U+{(int)c:X4}) no HTTP server can send: use printable characters up to U+00FF.", nameof(value));
            }
        }
    }

    private static void ThrowIfBadStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
    }
}
