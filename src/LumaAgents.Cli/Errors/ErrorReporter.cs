using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Commands;
using LumaAgents.Cli.Lifetime;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Errors;

/// <summary>
/// Turns an exception into an exit code and a few lines on standard error: one <c>error:</c> status line, any
/// details, then <c>hint:</c> lines; with <c>--format-error json|yaml|…</c> (or <c>--transform-error</c>) one document
/// instead. When this invocation created a generation, the report always ends with its id and the command that
/// resumes it. A stack trace only with <c>--debug</c>: users need the cause, not our frames.
/// </summary>
internal sealed class ErrorReporter
{
    private readonly TextWriter _stderr;
    private readonly bool _debug;
    private readonly StopSignal? _stop;
    private readonly JobLedger? _jobs;
    private readonly OutputWriter? _document;

    /// <param name="stderr">Where the report goes.</param>
    /// <param name="debug">Whether to add the stack trace.</param>
    /// <param name="stop">Why the tool was stopped, if it was.</param>
    /// <param name="jobs">The generation this invocation created, if any.</param>
    /// <param name="document">Writes the report as a document (<c>--format-error</c>), or null for the plain lines.</param>
    public ErrorReporter(TextWriter stderr, bool debug, StopSignal? stop = null, JobLedger? jobs = null, OutputWriter? document = null)
    {
        _stderr = stderr;
        _debug = debug;
        _stop = stop;
        _jobs = jobs;
        _document = document;
    }

    /// <summary>Whether the command works on files (<c>luma files …</c>): a 404 is then about a file id.</summary>
    public bool AboutFiles { get; init; }

    public int Report(Exception error)
    {
        var report = Describe(error, _stop?.Reason);
        var hints = report.Hints.ToList();
        if (AboutFiles && error is LumaNotFoundException)
        {
            hints.RemoveAll(h => h.StartsWith("ids are the UUIDs", StringComparison.Ordinal));
            hints.Insert(0, "file ids are printed by `luma files upload` and `luma files list`; a deleted file (deleted again) and another account's file are not found either");
        }

        foreach (var (label, fileId) in _jobs?.UploadedFiles ?? [])
        {
            hints.Add($"{label} was uploaded as file {fileId}: pass file:{fileId} instead to use it without uploading again");
        }

        if (_jobs?.ResumeCommand is not null && error is GenerationTimeoutException)
        {
            // The ledger's resume command is the exact one (with --out); the generic one would repeat it.
            hints.RemoveAll(h => h.StartsWith("it keeps running", StringComparison.Ordinal));
        }

        if (_jobs?.GenerationId is { } id && _jobs.ResumeCommand is { } resume)
        {
            hints.Add(_jobs.CreatedHere
                ? $"generation {id} was created and keeps running on the server; resume with: {resume}"
                : $"resume with: {resume}");
        }
        else if (_jobs?.CreateInFlight == true && error is OperationCanceledException)
        {
            hints.Add("a create was in flight when it stopped: the generation may have been created (and billed); --user-id helps you find it");
        }

        if (_document is not null)
        {
            _document.WriteResult(Document(error, report, hints));
            return report.ExitCode;
        }

        _stderr.WriteLine("error: " + report.Headline);
        foreach (var detail in report.Details)
        {
            _stderr.WriteLine("  " + detail);
        }

        foreach (var hint in hints)
        {
            _stderr.WriteLine("hint: " + hint);
        }

        if (_debug)
        {
            _stderr.WriteLine(error.ToString());
        }
        else if (report.Unexpected)
        {
            _stderr.WriteLine("hint: run again with --debug to see the stack trace and the HTTP exchange.");
        }

        return report.ExitCode;
    }

    internal static ErrorReport Describe(Exception error, StopReason? stopped = null) => error switch
    {
        CliException cli => new(cli.ExitCode, cli.Message, [], Optional(cli.Hint)),
        LumaValidationException validation => Validation(validation),
        LumaApiException api => Api(api),
        GenerationFailedException failed => Failed(failed),
        GenerationTimeoutException timeout => new(
            ExitCodes.Timeout,
            $"generation {timeout.GenerationId} is still {timeout.LastKnown?.State.Value ?? "unknown"} after waiting {Seconds(timeout.Elapsed)} s",
            [],
            [$"it keeps running on the server; resume with: luma generations wait {timeout.GenerationId}", "or wait longer with --timeout (for example --timeout 10m)"]),
        // The SDK's message already carries the "may have been created" advice for these.
        LumaTimeoutException timeout => new(ExitCodes.Timeout, WithRequestId(UserWords.Rewrite(timeout.Message), timeout.RequestId), [], []),
        LumaConnectionException connection => new(
            ExitCodes.Failure,
            WithRequestId(UserWords.Rewrite(connection.Message), connection.RequestId),
            [],
            ["check the network and --base-url (or LUMA_BASE_URL); for a local simulator, is `luma simulator` still running?"]),
        LumaConfigurationException configuration => Configuration(configuration),
        LumaException luma => new(ExitCodes.Failure, WithRequestId(UserWords.Rewrite(luma.Message), luma.RequestId), [], []),
        OperationCanceledException when stopped is not null => new(stopped.ExitCode, stopped.Description, [], []),
        OperationCanceledException => new(ExitCodes.Failure, "the operation was cancelled", [], [], Unexpected: true),
        ArgumentException argument => new(ExitCodes.Validation, UserWords.Rewrite(WithoutParameterName(argument.Message)), [], []),
        JsonException json => new(ExitCodes.Validation, "invalid JSON: " + json.Message, [], []),
        IOException or UnauthorizedAccessException => new(ExitCodes.Failure, error.Message, [], []),
        _ => new(ExitCodes.Failure, $"unexpected {error.GetType().Name}: {error.Message}", [], [], Unexpected: true),
    };

    private static ErrorReport Validation(LumaValidationException validation)
    {
        var count = validation.Errors.Count == 1 ? "1 problem" : validation.Errors.Count.ToString(CultureInfo.InvariantCulture) + " problems";
        if (validation.Errors.Count > 0 && validation.Errors.All(e => e.Path is "generation_id" or "file_id"))
        {
            // An id the SDK refused before sending: name the argument, not the request.
            var problem = validation.Errors[0];
            return new(
                ExitCodes.Validation,
                $"the {(problem.Path == "file_id" ? "file" : "generation")} id {UserWords.Rewrite(problem.Message)} (nothing was sent)",
                [],
                [problem.Path == "file_id"
                    ? "file ids are printed by `luma files upload` and `luma files list`"
                    : "ids are the UUIDs printed by `luma generations create` (and by `generate` when it starts)"]);
        }

        return new(
            ExitCodes.Validation,
            $"the request has {count} (nothing was sent)",
            [.. validation.Errors.Select(e => UserWords.Flag(e.Path) + ": " + UserWords.Rewrite(e.Message))],
            ["fix the flags or body; --no-validate sends it anyway and lets the server decide"]);
    }

    private static ErrorReport Configuration(LumaConfigurationException configuration)
    {
        var message = UserWords.Rewrite(configuration.Message);
        var aboutKey = configuration.Message.Contains("API key in", StringComparison.Ordinal) || configuration.Message.Contains("No Luma API key", StringComparison.Ordinal);
        return new(aboutKey ? ExitCodes.Authentication : ExitCodes.Validation, message, [], []);
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
                hints.Add("--max-wait-rate-limit <duration> lets luma wait longer for the limit (default 60s); --no-wait-rate-limit fails at once");
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
                    hints.Add($"an input is too large: images up to {GenerationLimits.MaxImageBytes / (1024 * 1024)} MB, videos up to {GenerationLimits.MaxVideoBytes / (1024 * 1024)} MB; a URL avoids sending it inline");
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
            [failed.Advice is { } advice
                ? char.ToLowerInvariant(advice[0]) + advice.Substring(1).TrimEnd('.')
                : $"this tool does not know the failure code '{code}': read the reason before submitting again (a new job is billed)"]);
    }

    /// <summary>The report as one JSON document (shaped like the API's error body, plus the tool's fields).</summary>
    private static JsonObject Document(Exception error, ErrorReport report, IReadOnlyList<string> hints)
    {
        var document = new JsonObject();
        if (error is LumaApiException api)
        {
            if (api.ResponseBody is { Length: > 0 } body && TryParseObject(body) is { } parsed)
            {
                foreach (var (key, value) in parsed.ToList())
                {
                    parsed.Remove(key);
                    document[key] = value;
                }
            }

            document["status"] = (int)api.StatusCode;
            document["detail"] ??= api.Detail;
            document["request_id"] = api.RequestId;
        }

        document["error"] = report.Headline;
        document["exit_code"] = report.ExitCode;
        if (report.Details.Count > 0)
        {
            document["details"] = new JsonArray([.. report.Details.Select(d => (JsonNode?)JsonValue.Create(d))]);
        }

        document["hints"] = new JsonArray([.. hints.Select(h => (JsonNode?)JsonValue.Create(h))]);
        return document;
    }

    private static JsonObject? TryParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
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

    internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="ErrorReporter"/> prints for one exception.</summary>
internal sealed record ErrorReport(int ExitCode, string Headline, IReadOnlyList<string> Details, IReadOnlyList<string> Hints, bool Unexpected = false);
