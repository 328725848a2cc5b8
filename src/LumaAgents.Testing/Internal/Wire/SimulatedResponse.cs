using System.Text;

namespace LumaAgents.Testing.Internal;

/// <summary>An answer computed before anything is sent, so faults can replace, truncate or drop it afterwards.</summary>
internal sealed class SimulatedResponse
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoHeaders = [];

    private SimulatedResponse(int statusCode, string? contentType, ReadOnlyMemory<byte> body, IStreamedBody? streamed, IReadOnlyList<KeyValuePair<string, string>>? headers, bool includeApiHeaders, bool declaresLength = true)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        Streamed = streamed;
        DeclaresLength = declaresLength;
        Headers = headers ?? NoHeaders;
        IncludeApiHeaders = includeApiHeaders;
    }

    public int StatusCode { get; }

    public string? ContentType { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>A streamed body (an output file, a huge page), instead of <see cref="Body"/>.</summary>
    public IStreamedBody? Streamed { get; }

    /// <summary>Whether <c>Content-Length</c> is sent; <see langword="false"/> sends the body chunked.</summary>
    public bool DeclaresLength { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Whether <c>X-Request-Id</c> and <c>X-API-Version</c> are added (API answers, not storage or proxies).</summary>
    public bool IncludeApiHeaders { get; }

    public long Length => Streamed?.Length ?? Body.Length;

    public static SimulatedResponse Json(int statusCode, ReadOnlyMemory<byte> body, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(statusCode, "application/json", body, null, headers, includeApiHeaders: true);

    public static SimulatedResponse Detail(int statusCode, string detail, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        Json(statusCode, JsonBodies.Detail(detail), headers);

    /// <summary>204 with no body and no <c>Content-Length</c>, as the API answers a delete.</summary>
    public static SimulatedResponse NoContent() =>
        new(204, null, ReadOnlyMemory<byte>.Empty, null, null, includeApiHeaders: true, declaresLength: false);

    public static SimulatedResponse Storage(int statusCode, string? contentType, ReadOnlyMemory<byte> body, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(statusCode, contentType, body, null, headers, includeApiHeaders: false);

    public static SimulatedResponse Download(OutputFile file, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(200, file.ContentType, ReadOnlyMemory<byte>.Empty, file, headers, includeApiHeaders: false);

    /// <summary>The answer of a fault that answers instead of the API (<see cref="FakeFaultKind.Respond"/>, huge bodies, redirects).</summary>
    public static SimulatedResponse FromFault(FakeFault fault) => fault.Kind == FakeFaultKind.HugeBody
        ? new(fault.StatusCode, fault.ContentType, ReadOnlyMemory<byte>.Empty, new FillerPage(fault.StatusCode, fault.BodyBytes), fault.Headers, fault.IncludesApiHeaders, fault.DeclaresLength)
        : new(fault.StatusCode, fault.ContentType, Encoding.UTF8.GetBytes(fault.Body ?? string.Empty), null, fault.Headers, fault.IncludesApiHeaders);
}
