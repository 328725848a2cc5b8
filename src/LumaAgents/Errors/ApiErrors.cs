using System.Net;
using System.Text.Json;

namespace LumaAgents;

/// <summary>Turns an error response into the typed exception for its status, keeping everything it said.</summary>
internal static class ApiErrors
{
    /// <summary>How much of an error body is kept: enough for any real detail, bounded for a proxy's HTML page.</summary>
    public const int MaxBodyChars = 4096;

    /// <param name="facts">The response's headers, read once.</param>
    /// <param name="body">The body, as read under <see cref="ErrorBodies.MaxBytes"/>.</param>
    /// <param name="detail">Its <c>detail</c>, from <see cref="ReadDetail"/>.</param>
    /// <param name="operation">The call, for the hint of a 404.</param>
    /// <param name="baseUrl">The base URL in use, for the hint of a 404.</param>
    public static LumaApiException FromResponse(ResponseFacts facts, string? body, string? detail, ApiOperation operation, Uri baseUrl)
    {
        var status = (HttpStatusCode)facts.Status;
        LumaApiException error = facts.Status switch
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

        if (facts.Status == 404)
        {
            error.SetHint(operation.NotFoundHint(baseUrl));
        }

        error.SetResponseFacts(facts.RequestId, facts.ApiVersion, facts.RateLimit, facts.RetryAfter, Truncate(body));
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
                JsonValueKind.String => Truncate(detail.GetString()),
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
