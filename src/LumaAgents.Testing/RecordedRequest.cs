namespace LumaAgents.Testing;

/// <summary>
/// A request the server received, as it arrived. The outcome properties (<see cref="StatusCode"/>,
/// <see cref="ConnectionDropped"/>, <see cref="GenerationId"/>) are filled in once the server has answered.
/// </summary>
public sealed class RecordedRequest
{
    private int _statusCode;
    private volatile bool _connectionDropped;
    private volatile string? _generationId;
    private long _durationTicks = -1;

    internal RecordedRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset receivedAt, RouteKind routeKind, FakeFault? fault, string requestId)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
        RouteKind = routeKind;
        Fault = fault;
        RequestId = requestId;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The decoded path, e.g. <c>/v1/generations</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string without the leading <c>?</c>; empty if there is none.</summary>
    public string Query { get; }

    /// <summary>The request headers (names case-insensitive; repeated headers joined with <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The body as UTF-8 text; empty when there was none, it was too large, or it was streamed rather than read whole
    /// (a presigned upload PUT, a multipart file create: see <see cref="FakeFile.ReceivedBytes"/> and <see cref="FakeFile.Crc32"/>).
    /// </summary>
    public string Body { get; }

    /// <summary>When the request arrived, on the server's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The route it addressed.</summary>
    public RouteKind RouteKind { get; }

    /// <summary>The scripted fault applied to it, if any.</summary>
    public FakeFault? Fault { get; }

    /// <summary>The <c>X-Request-Id</c> of the answer (the caller's, echoed, or a new UUID).</summary>
    public string RequestId { get; }

    /// <summary>Whether the request carried an <c>Authorization</c> header (it should not, for a download or an upload PUT).</summary>
    public bool HasAuthorization => Headers.ContainsKey("Authorization");

    /// <summary>The status answered, or <see langword="null"/> while the request is in flight or when the connection was dropped before an answer started.</summary>
    public int? StatusCode => Volatile.Read(ref _statusCode) is int status and > 0 ? status : null;

    /// <summary>Whether the server dropped the connection instead of answering completely.</summary>
    public bool ConnectionDropped => _connectionDropped;

    /// <summary>The id of the generation this request created (even if the client never saw the answer).</summary>
    public string? GenerationId => _generationId;

    /// <summary>How long the server took, from arrival until the answer was sent (or the connection dropped), on the server's clock; <see langword="null"/> while in flight.</summary>
    public TimeSpan? Duration => Interlocked.Read(ref _durationTicks) is long ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path} → {(ConnectionDropped ? "dropped" : StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")}";

    internal void SetStatusCode(int statusCode) => Volatile.Write(ref _statusCode, statusCode);

    internal void SetDuration(TimeSpan duration) => Interlocked.Exchange(ref _durationTicks, duration.Ticks);

    internal void MarkConnectionDropped() => _connectionDropped = true;

    internal void SetGenerationId(string id) => _generationId = id;
}
