using System.Net;

namespace LumaAgents;

/// <summary>
/// Builds what the SDK returns, for tests and mocks of your own code: a <see cref="LumaResponse{T}"/> with the headers
/// the API sends, without an HTTP exchange.
/// </summary>
/// <example>
/// <code>
/// generations.Setup(g => g.CreateWithResponseAsync(It.IsAny&lt;GenerationRequest&gt;(), It.IsAny&lt;CancellationToken&gt;()))
///     .ReturnsAsync(LumaModelFactory.Response(generation, HttpStatusCode.Created, new Dictionary&lt;string, string&gt; { ["X-Request-Id"] = "req_1" }));
/// </code>
/// </example>
public static class LumaModelFactory
{
    /// <summary>A response carrying <paramref name="value"/>, with the given status and headers (such as <c>X-Request-Id</c> or <c>X-RateLimit-Limit</c>).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="statusCode">The HTTP status (default 200).</param>
    /// <param name="headers">Response headers, or null for none.</param>
    /// <returns>The response; its <see cref="LumaResponse{T}.RateLimit"/> is read from the headers as the SDK reads them.</returns>
    public static LumaResponse<T> Response<T>(T value, HttpStatusCode statusCode = HttpStatusCode.OK, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var message = new HttpResponseMessage(statusCode);
        foreach (var header in headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return new LumaResponse<T>(value, statusCode, message.Headers);
    }
}
