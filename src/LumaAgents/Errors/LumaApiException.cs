using System.Net;
using System.Text;

namespace LumaAgents;

/// <summary>
/// The API answered with an error status. Subclasses name the common statuses; this type itself is used for
/// statuses without one of their own. The status, the server's <c>detail</c> and the request id are always kept.
/// </summary>
public class LumaApiException : LumaException
{
    /// <summary>Creates the exception for a status.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaApiException(HttpStatusCode statusCode, string? detail = null, Exception? innerException = null)
        : base(string.Empty, innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's human-readable <c>detail</c>, or null if the body had none.</summary>
    public string? Detail { get; }

    /// <summary>The server's <c>X-API-Version</c>.</summary>
    public string? ApiVersion { get => _apiVersion; init => _apiVersion = value; }

    /// <summary>The rate-limit headers of the response, when it had them.</summary>
    public RateLimitInfo? RateLimit { get => _rateLimit; init => _rateLimit = value; }

    /// <summary>How long the server asked to wait before retrying (<c>retry-after-ms</c> or <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get => _retryAfter; init => _retryAfter = value; }

    /// <summary>The raw response body, truncated to a few kilobytes; useful when it was not the usual JSON.</summary>
    public string? ResponseBody { get => _responseBody; init => _responseBody = value; }

    private string? _apiVersion;
    private RateLimitInfo? _rateLimit;
    private TimeSpan? _retryAfter;
    private string? _responseBody;

    /// <summary>Records what the error response said besides its status and detail.</summary>
    internal void SetResponseFacts(string? requestId, string? apiVersion, RateLimitInfo? rateLimit, TimeSpan? retryAfter, string? responseBody)
    {
        SetRequestId(requestId);
        _apiVersion = apiVersion;
        _rateLimit = rateLimit;
        _retryAfter = retryAfter;
        _responseBody = responseBody;
    }

    /// <inheritdoc/>
    public override string Message
    {
        get
        {
            var text = new StringBuilder();
            text.Append("Luma API ").Append((int)StatusCode).Append(' ').Append(ReasonPhrase);
            if (!string.IsNullOrEmpty(Detail))
            {
                text.Append(": ").Append(Detail);
            }
            else if (!string.IsNullOrEmpty(ResponseBody))
            {
                text.Append(" (the response body was not the usual JSON; see ResponseBody)");
            }

            var hint = Hint;
            if (hint is not null)
            {
                text.Append(". ").Append(hint);
            }

            if (RequestId is not null)
            {
                text.Append(" [request id ").Append(RequestId).Append(']');
            }

            if (GenerationMayExist)
            {
                text.Append(' ').Append(MayExistAdvice);
            }

            return WithAdvice(text.ToString());
        }
    }

    /// <summary>A sentence on what to do about this status, or null.</summary>
    private protected virtual string? Hint => _hint;

    private string? _hint;

    /// <summary>Sets the advice for this call (the SDK knows which call failed, the status alone does not).</summary>
    internal void SetHint(string hint) => _hint = hint;

    private string ReasonPhrase => StatusCode switch
    {
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.PaymentRequired => "Payment Required",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.RequestTimeout => "Request Timeout",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.RequestEntityTooLarge => "Payload Too Large",
        (HttpStatusCode)422 => "Unprocessable Entity",
        (HttpStatusCode)429 => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        _ => "Error",
    };
}
