using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LumaAgents;

/// <summary>Turns an error response into the typed exception for its status, keeping everything it said.</summary>
internal static class ApiErrors
{
    /// <summary>How much of an error body is kept: enough for any real detail, bounded for a proxy's HTML page.</summary>
    public const int MaxBodyChars = 4096;

    public static LumaApiException FromResponse(HttpStatusCode status, HttpResponseHeaders headers, string? body, DateTimeOffset now)
    {
        var detail = ReadDetail(body);
        LumaApiException error = (int)status switch
        {
            400 => new LumaBadRequestException(detail),
            401 => new LumaAuthenticationException(detail),
            402 => new LumaPaymentRequiredException(detail),
            403 => new LumaPermissionDeniedException(detail),
            404 => new LumaNotFoundException(detail),
            409 => new LumaConflictException(detail),
            413 => new LumaPayloadTooLargeException(detail),
            422 => new LumaUnprocessableEntityException(detail),
            429 => new LumaRateLimitException(detail),
            >= 500 and <= 599 => new LumaServerException(status, detail),
            _ => new LumaApiException(status, detail),
        };

        error.SetResponseFacts(
            requestId: HeaderValues.First(headers, "X-Request-Id"),
            apiVersion: HeaderValues.First(headers, "X-API-Version"),
            rateLimit: RateLimitInfo.FromHeaders(headers),
            retryAfter: RetryAfterHeader.Read(headers, now) is { } hint && hint > TimeSpan.Zero ? hint : null,
            responseBody: Truncate(body));
        return error;
    }

    /// <summary>
    /// The <c>detail</c> of a JSON error body. A non-string detail (some validators send a list) is kept as its
    /// JSON text; a body that is not JSON has no detail (the raw text stays in ResponseBody).
    /// </summary>
    internal static string? ReadDetail(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("detail", out var detail))
            {
                return null;
            }

            return detail.ValueKind switch
            {
                JsonValueKind.String => detail.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => Truncate(detail.GetRawText()),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Truncate(string? text)
        => text is null || text.Length <= MaxBodyChars ? text : text.Substring(0, MaxBodyChars) + "…(truncated)";
}
