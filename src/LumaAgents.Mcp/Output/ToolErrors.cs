using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace LumaAgents.Mcp.Output;

/// <summary>
/// Every failure as a tool result with <c>isError: true</c>: a kind to branch on, the SDK's message (which already
/// carries the API's status, <c>detail</c> and request id), those facts as fields, and what to do about it. Never a
/// stack trace. When a billed job exists, its id and how to resume are always part of the result.
/// </summary>
internal static class ToolErrors
{
    /// <summary>The error result for <paramref name="error"/>.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="generation">The job concerned, when one exists (its id is then never lost).</param>
    /// <param name="resume">How to carry on with that job, when the failure came after it was created.</param>
    /// <param name="subject">What the tool's ids name, for the advice on a 404.</param>
    /// <param name="file">The uploaded file concerned, when one was created (its id is then never lost).</param>
    public static ToolOutcome Describe(Exception error, Generation? generation = null, string? resume = null, ErrorSubject subject = ErrorSubject.Generation, LumaFile? file = null)
    {
        var advice = WhatToDo(error, subject);
        var body = new JsonObject
        {
            ["kind"] = Kind(error),
            ["message"] = error.Message,
            ["what_to_do"] = resume is null ? advice : advice + " " + resume,
        };

        if (error is LumaApiException api)
        {
            body["status"] = (int)api.StatusCode;
            body["detail"] = api.Detail;
            if (api.RetryAfter is { } after)
            {
                body["retry_after_seconds"] = Math.Round(after.TotalSeconds, 3);
            }
        }

        if (error is LumaRateLimitException limited)
        {
            body["rate_limit_kind"] = limited.Kind switch
            {
                RateLimitKind.RequestsPerMinute => "requests_per_minute",
                RateLimitKind.ConcurrentJobs => "concurrent_jobs",
                _ => "unknown",
            };
        }

        if (error is LumaDownloadException download && download.StatusCode is { } storageStatus)
        {
            body["status"] = (int)storageStatus;
        }

        if (error is LumaUploadException upload && upload.StatusCode is { } uploadStatus)
        {
            body["status"] = (int)uploadStatus;
        }

        if (error is LumaException { RequestId: { } requestId })
        {
            body["request_id"] = requestId;
        }

        if (error is LumaValidationException validation)
        {
            var list = new JsonArray();
            foreach (var problem in validation.Errors)
            {
                list.Add(new JsonObject { ["path"] = problem.Path, ["message"] = problem.Message });
            }

            body["validation_errors"] = list;
        }

        if (error is LumaException { GenerationMayExist: true })
        {
            body["generation_may_exist"] = true;
        }

        var result = new JsonObject { ["error"] = body };
        generation ??= error switch
        {
            GenerationFailedException failed => failed.Generation,
            NotReadyException notReady => notReady.Generation,
            _ => null,
        };
        if (generation is not null)
        {
            result["generation_id"] = generation.Id;
            result["generation"] = GenerationView.From(generation, resume ?? NextSteps.For(generation));
        }
        else if (error is LumaDownloadException { GenerationId: var downloadId })
        {
            result["generation_id"] = downloadId;
        }

        // The exception's own file is the latest read (failed, deleted); the caller's is the file as created.
        file = error switch
        {
            FileFailedException refused => refused.File,
            NotReadyException { File: { } pending } => pending,
            _ => file,
        };
        if (file is not null)
        {
            result["file_id"] = file.Id;
            result["file"] = FileView.From(file, FileView.NextStep(file));
        }
        else if (error is LumaUploadException { FileId: { } pendingId })
        {
            result["file_id"] = pendingId;
        }

        return new ToolOutcome(result, isError: true);
    }

    private static string Kind(Exception error) => error switch
    {
        LumaValidationException => "invalid_arguments",
        LumaRateLimitException => "rate_limited",
        GenerationFailedException => "generation_failed",
        FileFailedException => "file_failed",
        LumaDownloadException => "download_failed",
        LumaUploadException => "upload_failed",
        LumaConfigurationException => "configuration",
        LumaConnectionException => "connection_failed",
        LumaTimeoutException => "api_timeout",
        NotReadyException => "not_ready",
        LumaApiException api => api.StatusCode switch
        {
            HttpStatusCode.BadRequest => "bad_request",
            HttpStatusCode.Unauthorized => "authentication_failed",
            HttpStatusCode.PaymentRequired => "payment_required",
            HttpStatusCode.Forbidden => "permission_denied",
            HttpStatusCode.NotFound => "not_found",
            HttpStatusCode.RequestEntityTooLarge => "payload_too_large",
            (HttpStatusCode)422 => "unprocessable",
            >= HttpStatusCode.InternalServerError => "server_error",
            _ => "api_error",
        },
        LumaException => "luma_error",
        IOException or UnauthorizedAccessException => "file_error",
        _ => "internal_error",
    };

    /// <summary>
    /// What to do before submitting a failed generation's request again: the SDK's advice for a known failure code,
    /// and for an unknown one no claim either way (a resubmission is a new, billed job).
    /// </summary>
    public static string ResubmitAdvice(GenerationFailedException failed)
        => failed.Advice is { } advice
            ? advice + (failed.IsRetryable ? " It would be a new, billed job." : string.Empty)
            : $"The failure code '{failed.FailureCode?.Value ?? "none"}' is not one luma-mcp knows: read failure_reason before submitting "
              + "the same request again (it would be a new, billed job).";

    private static string WhatToDo(Exception error, ErrorSubject subject) => error switch
    {
        LumaValidationException => "Fix the arguments named in validation_errors and call again. Nothing was sent and nothing is billed.",
        LumaRateLimitException limited => RateLimitAdvice(limited),
        GenerationFailedException failed => ResubmitAdvice(failed),
        FileFailedException { File.State: var state } when state == FileState.Deleted
            => "The file was deleted before it became ready; upload it again with upload_file.",
        FileFailedException => "Ingest or moderation refused the file (see failure_reason): it can never be referenced, and uploading the same bytes "
            + "again will not help unless the reason says otherwise. Use another file.",
        LumaUploadException => "The bytes did not reach storage (see message); call again to upload the file anew. A pending file left behind "
            + "(file_id, when given) can never be referenced; delete_file removes it.",
        LumaDownloadException download => $"Call download_outputs again with generation_id \"{download.GenerationId}\": every call reads the generation again and gets fresh download URLs.",
        LumaConfigurationException => "Set LUMA_AGENTS_API_KEY (a luma-api-… key) in the env block of luma-mcp in your MCP host's configuration and restart it, or start luma-mcp with --simulator to try it without a key.",
        NotReadyException notReady => notReady.Advice,
        LumaException { GenerationMayExist: true } => "Do not simply call create again: the job may exist and be billed. Ask the user, or reconcile first (the error message says how).",
        LumaConnectionException => "Check the network connection and the base URL (LUMA_BASE_URL or --base-url), then call again.",
        LumaTimeoutException => "The API did not answer in time; call again in a few seconds.",
        LumaApiException api => api.StatusCode switch
        {
            HttpStatusCode.BadRequest => "The API refused the request as invalid (nothing is billed): change what detail names and call again.",
            HttpStatusCode.Unauthorized => "The API key was refused: put a valid key (luma-api-…) in LUMA_AGENTS_API_KEY in luma-mcp's env in the MCP host configuration, then restart luma-mcp.",
            HttpStatusCode.PaymentRequired => "The Luma account has no balance left: add funds in the Luma dashboard, then call again.",
            HttpStatusCode.Forbidden => "The API client is suspended or deactivated: contact Luma support and quote the request id.",
            HttpStatusCode.NotFound => subject == ErrorSubject.File
                ? "There is no file with that id for this account (the API may also answer so for a file deleted or expired earlier): check file_id "
                  + "(it comes from upload_file or list_files). A file deleted before needs nothing more; to use one that is gone, upload it again."
                : "There is no generation with that id for this account: check generation_id (it comes from create_generation or generate).",
            HttpStatusCode.RequestEntityTooLarge => "An input is too large: use a smaller file, or give it as a public https URL.",
            (HttpStatusCode)422 => "The API could not use this combination of options, or could not fetch or decode an input: change what detail names.",
            >= HttpStatusCode.InternalServerError => "Luma had a server problem; call again in a few seconds.",
            _ => "See message and detail.",
        },
        IOException or UnauthorizedAccessException => "A local file could not be read or written: check the path and its permissions.",
        _ => "This is unexpected; the message says what failed. Calling again may help.",
    };

    private static string RateLimitAdvice(LumaRateLimitException limited)
    {
        var wait = limited.RetryAfter is { } after
            ? "Wait " + Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s, then call again"
            : "Wait a little, then call again";
        return limited.Kind == RateLimitKind.ConcurrentJobs
            ? wait + " (or as soon as one of your running generations has finished: too many jobs are running at once). A refused create creates nothing."
            : wait + ". Creates are limited per minute over a sliding window; a refused create creates nothing.";
    }
}
