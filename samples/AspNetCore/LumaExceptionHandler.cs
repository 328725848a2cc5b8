using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>
/// Turns every SDK failure an endpoint lets through into the HTTP answer a caller of <em>this</em> service should get,
/// as ProblemDetails: problems with the caller's request stay 400/413/422 with what was wrong; problems with this
/// service's own Luma account or key become 502/503 (the caller can do nothing about them, and must not be told
/// "401" as if their own credentials were wrong); rate limits stay 429 with <c>Retry-After</c>; time limits become 504;
/// upstream failures 502. Register it with <c>AddExceptionHandler&lt;LumaExceptionHandler&gt;()</c>,
/// <c>AddProblemDetails()</c> and <c>app.UseExceptionHandler()</c>; copy it into your app and adjust the table.
/// </summary>
/// <param name="problems">Writes the ProblemDetails (content negotiation, the app's JSON options).</param>
/// <param name="logger">Where the full message (with the Luma request id) goes; the caller gets a short one.</param>
public sealed partial class LumaExceptionHandler(IProblemDetailsService problems, ILogger<LumaExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not LumaException luma)
        {
            return false;
        }

        var problem = ToProblemDetails(luma);
        var status = problem.Status ?? StatusCodes.Status502BadGateway;
        if (status >= 500)
        {
            logger.LogWarning("Answered {Status} for a Luma failure: {Message}", status, luma.Message);
        }
        else
        {
            logger.LogInformation("Answered {Status} for a refused request: {Message}", status, luma.Message);
        }

        httpContext.Response.StatusCode = status;
        if (luma is LumaRateLimitException { RetryAfter: { } after })
        {
            // Whole seconds, rounded up: Retry-After has no fractions, and asking back too early only earns another 429.
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The ProblemDetails for an SDK failure: status, title, a detail fit for the caller, and extensions.</summary>
    /// <param name="exception">What the SDK threw.</param>
    public static ProblemDetails ToProblemDetails(LumaException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var problem = exception switch
        {
            // Found before anything was sent: every problem, by JSON path, as ASP.NET Core's own validation answers.
            LumaValidationException invalid => new HttpValidationProblemDetails(
                invalid.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },

            // The API names the field first ("aspect_ratio: Input should be one of …"); keep its words.
            LumaBadRequestException refused => FieldProblem(refused.Detail) is { } field
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Path] = [field.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The image service refused the request.",
                }
                : Problem(StatusCodes.Status400BadRequest, "The image service refused the request.", refused.Detail),
            LumaUnprocessableEntityException unprocessable
                => Problem(StatusCodes.Status422UnprocessableEntity, "The image service could not process the request.", unprocessable.Detail),
            LumaPayloadTooLargeException tooLarge
                => Problem(StatusCodes.Status413PayloadTooLarge, "An input image or video is too large.", tooLarge.Detail),

            // Our key, our account: not the caller's doing, so never a 401/402 to them.
            LumaAuthenticationException or LumaPermissionDeniedException
                => Problem(StatusCodes.Status502BadGateway, "The image service refused this server's credentials.",
                    "This service is misconfigured (its Luma API key was refused); the request itself may be fine. Try again later."),
            LumaPaymentRequiredException
                => Problem(StatusCodes.Status503ServiceUnavailable, "The image service account is out of credit.",
                    "This service cannot create images until its Luma account is topped up. Try again later."),
            LumaRateLimitException limited
                => Problem(StatusCodes.Status429TooManyRequests, "Too many image requests.", limited.Kind switch
                {
                    RateLimitKind.ConcurrentJobs => "Too many images are being made at once; retry once some have finished (see Retry-After).",
                    _ => "Too many images were requested in the last minute; retry after the time in Retry-After.",
                }),

            LumaTimeoutException
                => Problem(StatusCodes.Status504GatewayTimeout, "The image service did not answer in time.", "Try again in a moment."),
            GenerationTimeoutException late => WithGeneration(
                Problem(StatusCodes.Status504GatewayTimeout, "The image is not ready yet.",
                    "It is still being made; ask for it again later by its id."),
                late.GenerationId),

            // A job that failed: the caller's content (moderation, bad input) is theirs to fix; the rest is upstream.
            GenerationFailedException failed => WithGeneration(Failed(failed), failed.Generation.Id),

            LumaConfigurationException
                => Problem(StatusCodes.Status500InternalServerError, "This service is misconfigured.", "See the server log."),

            // 5xx, broken connections, failed downloads, and whatever else the image service did wrong.
            _ => Problem(StatusCodes.Status502BadGateway, "The image service failed.", "Try again later."),
        };

        if (exception.GenerationMayExist)
        {
            // An uncertain create: the image may exist (and be paid for). Say so, so the caller does not blindly resubmit.
            problem.Detail = "The image may have been created even though this call failed; check before trying again.";
            problem.Extensions["generation_may_exist"] = true;
        }

        if (exception.RequestId is { } requestId)
        {
            problem.Extensions["luma_request_id"] = requestId;
        }

        return problem;
    }

    private static ProblemDetails Failed(GenerationFailedException failed)
    {
        var code = failed.FailureCode;
        var problem = code == FailureCode.BudgetExhausted
            ? Problem(StatusCodes.Status503ServiceUnavailable, "The image service account is out of credit.", "Try again later.")
            : failed.IsRetryable == true
                ? Problem(StatusCodes.Status502BadGateway, "The image service failed to make the image.", "Submitting the request again may succeed.")
                : Problem(StatusCodes.Status422UnprocessableEntity, "The image could not be made from this request.", failed.FailureReason);
        problem.Extensions["failure_code"] = code?.Value;
        problem.Extensions["retryable"] = failed.IsRetryable;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string? detail)
        => new() { Status = status, Title = title, Detail = string.IsNullOrWhiteSpace(detail) ? null : detail };

    private static ProblemDetails WithGeneration(ProblemDetails problem, string generationId)
    {
        problem.Extensions["generation_id"] = generationId;
        return problem;
    }

    private static (string Path, string Message)? FieldProblem(string? detail)
        => detail is not null && FieldDetail().Match(detail) is { Success: true } match
            ? (match.Groups["path"].Value, match.Groups["message"].Value)
            : null;

    [GeneratedRegex(@"^(?<path>[a-z_][a-z0-9_]*(?:\[\d+\])?(?:\.[a-z_][a-z0-9_]*(?:\[\d+\])?)*): (?<message>.+)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FieldDetail();
}
