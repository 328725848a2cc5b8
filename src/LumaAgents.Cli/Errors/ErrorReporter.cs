using System.Globalization;
using System.Text.Json;

namespace LumaAgents.Cli.Errors;

/// <summary>
/// Turns an exception into an exit code and a few lines on standard error: one <c>error:</c> status line, any
/// details, then <c>hint:</c> lines. A stack trace only with <c>--debug</c>: users need the cause, not our frames.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception error, TextWriter stderr, bool debug)
    {
        var report = Describe(error);
        stderr.WriteLine("error: " + report.Headline);
        foreach (var detail in report.Details)
        {
            stderr.WriteLine("  " + detail);
        }

        foreach (var hint in report.Hints)
        {
            stderr.WriteLine("hint: " + hint);
        }

        if (debug)
        {
            stderr.WriteLine(error.ToString());
        }
        else if (report.Unexpected)
        {
            stderr.WriteLine("hint: run again with --debug to see the stack trace and the HTTP exchange.");
        }

        return report.ExitCode;
    }

    internal static ErrorReport Describe(Exception error) => error switch
    {
        CliException cli => new(cli.ExitCode, cli.Message, [], Optional(cli.Hint)),
        LumaValidationException validation => Validation(validation),
        ArgumentException argument => new(ExitCodes.Validation, WithoutParameterName(argument.Message), [], []),
        LumaApiException api => Api(api),
        GenerationFailedException failed => Failed(failed),
        GenerationTimeoutException timeout => new(
            ExitCodes.Timeout,
            $"generation {timeout.GenerationId} is still {timeout.LastKnown?.State.Value ?? "unknown"} after waiting {Seconds(timeout.Elapsed)} s",
            [],
            [$"it keeps running on the server; resume with: luma generations wait {timeout.GenerationId}", "or wait longer with --timeout (for example --timeout 10m)"]),
        // The SDK's message already carries the "may have been created" advice for these.
        LumaTimeoutException timeout => new(ExitCodes.Timeout, WithRequestId(timeout.Message, timeout.RequestId), [], []),
        LumaConnectionException connection => new(
            ExitCodes.Failure,
            WithRequestId(connection.Message, connection.RequestId),
            [],
            ["check the network and --base-url (or LUMA_BASE_URL)"]),
        LumaConfigurationException configuration => new(ExitCodes.Validation, configuration.Message, [], []),
        LumaException luma => new(ExitCodes.Failure, WithRequestId(luma.Message, luma.RequestId), [], []),
        OperationCanceledException => new(
            ExitCodes.Interrupted,
            "interrupted",
            [],
            ["a generation that was already created keeps running; read it with: luma generations get <id>"]),
        JsonException json => new(ExitCodes.Validation, "invalid JSON: " + json.Message, [], []),
        IOException or UnauthorizedAccessException => new(ExitCodes.Failure, error.Message, [], []),
        _ => new(ExitCodes.Failure, $"unexpected {error.GetType().Name}: {error.Message}", [], [], Unexpected: true),
    };

    private static ErrorReport Validation(LumaValidationException validation)
    {
        var count = validation.Errors.Count == 1 ? "1 problem" : validation.Errors.Count.ToString(CultureInfo.InvariantCulture) + " problems";
        return new(
            ExitCodes.Validation,
            $"the request has {count} (nothing was sent)",
            [.. validation.Errors.Select(e => e.Path + ": " + e.Message)],
            ["fix the flags or body; --no-validate sends it anyway and lets the server decide"]);
    }

    private static ErrorReport Api(LumaApiException api)
    {
        var status = (int)api.StatusCode;
        var headline = StatusLine(api);
        List<string> hints = [];
        int code;
        switch (api)
        {
            case LumaRateLimitException rate:
                code = ExitCodes.RateLimited;
                var after = rate.RetryAfter is { } wait ? $"retry after {Seconds(wait)} s" : "retry later";
                hints.Add(rate.Kind switch
                {
                    RateLimitKind.ConcurrentJobs => after + ", once one of your running generations has finished",
                    RateLimitKind.RequestsPerMinute => after + "; creates are limited per minute over a sliding window",
                    _ => after,
                });
                break;
            case LumaAuthenticationException:
                code = ExitCodes.Authentication;
                hints.Add("check --api-key or LUMA_AGENTS_API_KEY; keys start with luma-api- and may have been revoked");
                break;
            case LumaPermissionDeniedException:
                code = ExitCodes.Authentication;
                hints.Add("the account is suspended or deactivated; contact Luma support with the request id");
                break;
            case LumaNotFoundException:
                code = ExitCodes.NotFound;
                hints.Add("ids are the UUIDs printed by `luma generations create`; another account's generation is also not found");
                break;
            case LumaPaymentRequiredException:
                code = ExitCodes.Failure;
                hints.Add("the balance is too low; add funds in the Luma Agents dashboard");
                break;
            default:
                code = status is 400 or 413 or 422 ? ExitCodes.Validation : ExitCodes.Failure;
                if (status == 413)
                {
                    hints.Add("an input is too large: images up to 50 MB, videos up to 200 MB; a URL avoids sending it inline");
                }
                else if (status >= 500)
                {
                    hints.Add("the service had a problem; trying again later may help");
                }

                break;
        }

        hints.AddRange(MayExist(api));
        return new(code, headline, [], hints);
    }

    private static ErrorReport Failed(GenerationFailedException failed)
    {
        var generation = failed.Generation;
        var code = generation.FailureCode?.Value ?? "unknown";
        var reason = string.IsNullOrEmpty(generation.FailureReason) ? string.Empty : ": " + generation.FailureReason;
        return new(
            ExitCodes.GenerationFailed,
            $"generation {generation.Id} failed: {code}{reason}",
            [],
            [failed.IsRetryable ? "submitting the same request again may succeed" : "submitting the same request again will not help"]);
    }

    /// <summary><c>404 Not Found: Generation not found (request id …)</c>.</summary>
    internal static string StatusLine(LumaApiException api)
    {
        var status = (int)api.StatusCode;
        using var reasonSource = new HttpResponseMessage(api.StatusCode);
        var text = status.ToString(CultureInfo.InvariantCulture) + " " + (reasonSource.ReasonPhrase ?? "Error");
        if (!string.IsNullOrEmpty(api.Detail))
        {
            text += ": " + api.Detail;
        }
        else if (!string.IsNullOrEmpty(api.ResponseBody))
        {
            text += ": (the response body was not the usual JSON; --debug shows it)";
        }

        return WithRequestId(text, api.RequestId);
    }

    private static string WithRequestId(string text, string? requestId)
        => requestId is null || text.Contains(requestId, StringComparison.Ordinal) ? text : $"{text.TrimEnd('.')} (request id {requestId})";

    private static string[] MayExist(LumaException error)
        => error.GenerationMayExist
            ? ["the generation may have been created (and billed) even so; before running again, check for it (--user-id helps you find it)"]
            : [];

    /// <summary>ArgumentException appends " (Parameter 'x')", which means nothing to a command-line user.</summary>
    private static string WithoutParameterName(string message)
    {
        var index = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }

    private static string[] Optional(string? hint) => hint is null ? [] : [hint];

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="ErrorReporter"/> prints for one exception.</summary>
internal sealed record ErrorReport(int ExitCode, string Headline, IReadOnlyList<string> Details, IReadOnlyList<string> Hints, bool Unexpected = false);
