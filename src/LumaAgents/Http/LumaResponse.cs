using System.Net;
using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>A value from the API together with what the response said about it: status, headers, request id,
/// API version and rate limits.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class LumaResponse<T>
{
    /// <summary>Creates a response (for tests and mocks; the SDK builds these itself).</summary>
    /// <param name="value">The value.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">The response headers.</param>
    public LumaResponse(T value, HttpStatusCode statusCode, HttpResponseHeaders headers)
        : this(value, statusCode, headers, RateLimitInfo.FromHeaders(headers ?? throw new ArgumentNullException(nameof(headers))))
    {
    }

    internal LumaResponse(T value, HttpStatusCode statusCode, HttpResponseHeaders headers, RateLimitInfo? rateLimit)
    {
        Value = value;
        StatusCode = statusCode;
        Headers = headers;
        RateLimit = rateLimit;
    }

    /// <summary>The value.</summary>
    public T Value { get; }

    /// <summary>The HTTP status, for example 201 for a create.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>The server's <c>X-Request-Id</c>; quote it to Luma support.</summary>
    public string? RequestId => HeaderValues.First(Headers, "X-Request-Id");

    /// <summary>The server's <c>X-API-Version</c>, for example <c>2026-04-01</c>.</summary>
    public string? ApiVersion => HeaderValues.First(Headers, "X-API-Version");

    /// <summary>The rate-limit window, on responses that report it (creates).</summary>
    public RateLimitInfo? RateLimit { get; }
}
