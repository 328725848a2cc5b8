using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LumaAgents.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LumaAgents;

/// <summary>
/// Sends one logical API call and turns the outcome into a value or a typed exception. The whole call is this one
/// loop, attempt by attempt: rate-limit admission (creates), a fresh request id, the attempt under its time limit
/// (the body read inside it: success parsed from the stream, an error body read under a cap), the response's facts
/// read once, then <see cref="RetryRules"/> decide, and a backoff that never outlasts the call's budget or the
/// client's Dispose. The HTTP handler chain below it (the transport, or the user's handlers with IHttpClientFactory)
/// sees every attempt. Our own loop rather than a Polly pipeline: every decision is already RetryRules', and the
/// budget, Dispose and the rate-limit hold must sit between attempts, where a retry strategy gives them no place.
/// </summary>
internal sealed class LumaPipeline : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpMessageInvoker _invoker;
    private readonly bool _ownsInvoker;
    private readonly string _authorization;
    private RateLimitInfo? _lastRateLimit;

    public LumaPipeline(LumaClientSettings settings, HttpMessageInvoker invoker, bool ownsInvoker)
    {
        Settings = settings;
        _invoker = invoker;
        _ownsInvoker = ownsInvoker;
        _authorization = "Bearer " + settings.ApiKey;
        Logger = settings.CreateLogger();
        Coordinator = settings.Options.Coordinator?.ForClient(new LumaCoordinationContext(settings, Logger))
                      ?? new InProcessCoordinator(settings.TimeProvider, settings.Options.MaxConcurrentJobs, Logger);
    }

    public LumaClientSettings Settings { get; }

    public LumaClientOptions Options => Settings.Options;

    public TimeProvider Time => Settings.TimeProvider;

    public ILogger Logger { get; }

    /// <summary>Where creates are admitted and job slots taken: this client's own, or one shared across processes.</summary>
    public ILumaCoordinator Coordinator { get; }

    /// <summary>Cancelled when the client is disposed.</summary>
    public ClientLifetime Lifetime { get; } = new();

    /// <summary>The rate-limit window from the most recent response that reported one.</summary>
    public RateLimitInfo? LastRateLimit => Volatile.Read(ref _lastRateLimit);

    public static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        // Bytes, not a stream: the content must be replayable for retries, and bodies are small.
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or NotSupportedException)
        {
            // Reached only with ValidateRequests off (the validator rejects such values first): a NaN or infinite
            // number, or a value JSON cannot carry, is still the caller's to fix, and nothing has been sent.
            throw new LumaValidationException(
                [new LumaValidationError("$", "cannot be written as JSON (a NaN or infinite number, or another value JSON cannot carry): " + e.Message)],
                "The request");
        }

        var content = new ByteArrayContent(json);
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    public Uri Url(string relative) => new(Settings.BaseUrl, relative);

    /// <summary>Sends the call; the value with the response's status, headers, request id and rate limits.</summary>
    public Task<LumaResponse<T>> SendAsync<T>(ApiCall call, ResponseReader<T> reader, CancellationToken cancellationToken)
        => SendCoreAsync(call, reader, ResultShape<T>.WithResponse, cancellationToken);

    /// <summary>Sends the call; the value alone (no response object, one async layer less for the caller).</summary>
    public Task<T> SendForValueAsync<T>(ApiCall call, ResponseReader<T> reader, CancellationToken cancellationToken)
        => SendCoreAsync(call, reader, ResultShape<T>.ValueOnly, cancellationToken);

    private async Task<TResult> SendCoreAsync<T, TResult>(ApiCall call, ResponseReader<T> reader, ResultShape<T, TResult> shape, CancellationToken cancellationToken)
    {
        Lifetime.ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var time = Time;
        var options = call.Options;
        var retry = Options.Retry;
        var maxRetries = options?.MaxRetries ?? retry.MaxRetries;
        var attemptLimit = options?.Timeout ?? Options.Timeout;
        var total = CallBudget.Start(time, options?.TotalTimeout ?? Options.TotalTimeout, BudgetKind.TotalTimeout);
        var budget = total.Tighter(call.Budget, time);
        var idempotent = call.Operation.IsIdempotent();
        var context = new RequestContext(call);
        using var activity = LumaTelemetry.Source.StartActivity(call.Operation.ActivityName(), ActivityKind.Client);
        using var request = CreateRequest(call, context);
        LumaException? lastError = null;
        try
        {
            for (var retries = 0; ; retries++)
            {
                if (budget.Remaining(time) is { } before && before <= TimeSpan.Zero)
                {
                    throw BudgetSpent(call, budget, lastError, serverHint: null, context);
                }

                var admission = context.IsCreate && Options.ProactiveThrottling
                    ? await AdmitAsync(call, budget, context, lastError, cancellationToken).ConfigureAwait(false)
                    : null;

                if (call.ContentFactory is { } factory)
                {
                    request.Content?.Dispose();
                    request.Content = factory();
                }

                if (context.Attempts > 0)
                {
                    request.Headers.Remove("X-Request-Id");
                }

                request.Headers.TryAddWithoutValidation("X-Request-Id", context.NextAttempt());
                // An attempt gets at most what is left. With the attempt timeout switched off, only a total timeout
                // cuts an attempt short: that switch is what lets a virtual clock jump while a request is on the wire.
                var attemptBudget = attemptLimit == Timeout.InfiniteTimeSpan ? total : budget;
                var remaining = attemptBudget.Remaining(time);
                var limitedByBudget = remaining is { } left && (attemptLimit == Timeout.InfiniteTimeSpan || left < attemptLimit);
                var limit = limitedByBudget ? remaining!.Value : attemptLimit;
                var debug = Logger.IsEnabled(LogLevel.Debug);
                if (debug)
                {
                    Log.Sending(Logger, call.Method.Method, call.Url.AbsolutePath, context.Attempts, context.LastRequestId);
                }

                var started = time.GetTimestamp();
                HttpResponseMessage? response = null;
                ResponseFacts? facts = null;
                string? errorBody = null;
                string? detail = null;
                Exception? failure = null;
                context.LastFacts = null;
                var attempt = AttemptTimeout.Start(time, limit, cancellationToken, Lifetime.Token);
                try
                {
                    // The Dispose registration is in place: a Dispose from now on cancels the attempt, one before it stops it here.
                    Lifetime.ThrowIfDisposed();
                    response = await _invoker.SendAsync(request, attempt.Token).ConfigureAwait(false);
                    facts = ResponseFacts.Read(response, time.GetUtcNow());
                    context.LastFacts = facts;
                    if (response.IsSuccessStatusCode)
                    {
                        await reader.ReadAsync(response, attempt.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        errorBody = await ErrorBodies.ReadAsync(response, attempt.Token).ConfigureAwait(false);
                        detail = ApiErrors.ReadDetail(errorBody);
                        if (facts.Status == 429)
                        {
                            facts.Kind = RateLimitKinds.FromDetail(detail);
                        }
                    }
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    if (ex is OperationCanceledException)
                    {
                        throw;
                    }

                    // A body read aborted by the caller's cancellation surfaces as some I/O error; say what it was.
                    throw new OperationCanceledException("The call was cancelled while the response was read.", ex, cancellationToken);
                }
                catch (Exception ex) when (Lifetime.IsDisposed)
                {
                    response?.Dispose();
                    throw Lifetime.Disposed(ex);
                }
                catch (Exception ex)
                {
                    response?.Dispose();
                    response = null;
                    if (attempt.TimedOut)
                    {
                        if (limitedByBudget)
                        {
                            throw BudgetSpent(call, attemptBudget, lastError, serverHint: null, context, ex);
                        }

                        failure = new LumaTimeoutException(
                            $"{call.Method} {call.Url.AbsolutePath} got no complete response within {attemptLimit.TotalSeconds:0.###} s. "
                            + "Raise LumaClientOptions.Timeout (or RequestOptions.Timeout for one call) if the network is slow.",
                            attemptLimit,
                            ex);
                    }
                    else
                    {
                        failure = ex;
                    }

                    if (debug)
                    {
                        Log.AttemptFailed(Logger, call.Method.Method, call.Url.AbsolutePath, time.GetElapsedTime(started).TotalMilliseconds, context.LastRequestId, failure.GetType().Name + ": " + failure.Message);
                    }
                }
                finally
                {
                    attempt.Dispose();
                    if (admission is not null)
                    {
                        await admission.CompleteAsync(new CreateOutcome(
                            facts?.Status, facts?.RateLimit, facts?.RetryAfter, facts?.Kind ?? RateLimitKind.Unknown,
                            (reader.Value as Generation)?.Id)).ConfigureAwait(false);
                    }

                    Record(call, context, response, facts, time.GetElapsedTime(started), debug);
                }

                if (response is not null)
                {
                    using (response)
                    {
                        if (facts!.RateLimit is { } rateLimit)
                        {
                            Volatile.Write(ref _lastRateLimit, rateLimit);
                        }

                        if (response.IsSuccessStatusCode
                            || (facts.Status == 404 && context.Attempts > 1 && call.NotFoundAfterRetryIsSuccess && reader.TryAcceptMissing()))
                        {
                            // (A retried DELETE's 404: the first attempt did the work; its answer was lost on the way back.)
                            Succeeded(activity, context, reader.Value, response, facts);
                            if (call.Operation == ApiOperation.GetGeneration && reader.Value is Generation read)
                            {
                                // Every read tells the coordinator, so a job seen finished frees its slot wherever it is held.
                                await Coordinator.ObserveGenerationAsync(read.Id, read.State, cancellationToken).ConfigureAwait(false);
                            }

                            return shape.Make(reader.Value!, response, facts);
                        }
                    }
                }

                var error = response is null
                    ? FromFailure(call, context, failure!)
                    : FromResponse(call, context, facts!, errorBody, detail);
                lastError = error;
                var failureKind = failure is null ? AttemptFailure.None : AttemptFailures.Classify(failure);

                // A body that broke after a success status is a failure of the exchange, not an answer.
                var answered = failure is null ? facts : null;

                // Our own errors other than an attempt timeout (a handler's validation, configuration), and a caller's
                // HttpClient.Timeout, are final; the rest is the retry rules' decision.
                var final = failure is OperationCanceledException || (failure is LumaException and not LumaTimeoutException) || !IsNetworkFailure(failure);
                if (final || !RetryRules.ShouldRetry(answered?.Status, failureKind, answered?.ShouldRetry, answered?.RetryAfter, !idempotent, retries, maxRetries, retry))
                {
                    throw Final(call, context, error, answered?.Status, failureKind);
                }

                var delay = RetryRules.Delay(retries, answered?.RetryAfter, retry, Jitter.NextDouble());
                if (budget.Remaining(time) is { } left2 && delay >= left2)
                {
                    // Sleeping would outlast the call: end it now, with the server's wait, instead of past its limit.
                    throw BudgetSpent(call, budget, error, answered?.RetryAfter, context);
                }

                OnRetry(call, context, answered, failureKind, retries, maxRetries, delay);
                await BackoffAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity.SetTag("error.type", ex.GetType().FullName);
            Tag(activity, context, (ex as LumaException)?.RequestId ?? context.LastRequestId);
            if (ex is LumaApiException api)
            {
                activity.SetTag("http.response.status_code", (int)api.StatusCode);
            }

            throw;
        }
    }

    public void Dispose()
    {
        Lifetime.Dispose();
        if (_ownsInvoker)
        {
            _invoker.Dispose();
        }
    }

    private LumaRequestMessage CreateRequest(ApiCall call, RequestContext context)
    {
        var request = new LumaRequestMessage(call.Method, call.Url, context) { Content = call.Content };
#if NET5_0_OR_GREATER
        // HTTP/2 where TLS negotiates it (the real API), HTTP/1.1 otherwise (a plain-http simulator).
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
#endif
        var headers = request.Headers;
        headers.TryAddWithoutValidation("Authorization", _authorization);
        headers.TryAddWithoutValidation("Accept", call.Accept);
        headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        foreach (var header in Settings.CustomHeaders)
        {
            headers.Remove(header.Key);
            headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (call.Options is { } callOptions)
        {
            foreach (var header in callOptions.Headers)
            {
                if (!LumaClientSettings.IsReservedHeader(header.Key))
                {
                    headers.Remove(header.Key);
                    headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        return request;
    }

    /// <summary>Holds a create until the requests-per-minute window has room, within the call's budget and the caller's patience.</summary>
    private async ValueTask<ICreateAdmission> AdmitAsync(ApiCall call, CallBudget budget, RequestContext context, LumaException? lastError, CancellationToken cancellationToken)
    {
        var patience = Options.Retry.MaxServerDelay;
        var remaining = budget.Remaining(Time);
        var byBudget = remaining is { } left && left < patience;
        CancellationTokenSource? linked = cancellationToken.CanBeCanceled ? Lifetime.Link(cancellationToken) : null;
        try
        {
            return await Coordinator.AdmitCreateAsync(byBudget ? remaining!.Value : patience, linked?.Token ?? Lifetime.Token).ConfigureAwait(false);
        }
        catch (LumaRateLimitException held) when (byBudget)
        {
            throw BudgetSpent(call, budget, lastError ?? held, held.RetryAfter, context);
        }
        catch (OperationCanceledException cancelled)
        {
            throw Lifetime.Translate(cancelled, cancellationToken);
        }
        finally
        {
            linked?.Dispose();
        }
    }

    private async Task BackoffAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var linked = Lifetime.Link(cancellationToken);
        try
        {
            await Clock.Delay(Time, delay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled)
        {
            throw Lifetime.Translate(cancelled, cancellationToken);
        }
    }

    private static void Succeeded<T>(Activity? activity, RequestContext context, T? value, HttpResponseMessage response, ResponseFacts facts)
    {
        if (activity is not null)
        {
            activity.SetTag("http.response.status_code", (int)response.StatusCode);
            Tag(activity, context, facts.RequestId ?? context.LastRequestId);
            if (value is Generation generation)
            {
                activity.SetTag("luma.generation.id", generation.Id);
                activity.SetTag("luma.generation.state", generation.State.Value);
            }
        }
    }

    private LumaException FromResponse(ApiCall call, RequestContext context, ResponseFacts facts, string? body, string? detail)
    {
        var error = ApiErrors.FromResponse(facts, body, detail, call.Operation, Settings.BaseUrl);
        if (error.RequestId is null)
        {
            error.SetRequestId(context.LastRequestId);
        }

        return error;
    }

    private LumaException FromFailure(ApiCall call, RequestContext context, Exception failure)
    {
        LumaException error = failure switch
        {
            LumaException own => own,
            InvalidResponseBodyException broken => new LumaException($"{call.Method} {call.Url.AbsolutePath} succeeded but {broken.Message}", broken)
            {
                RequestId = context.LastFacts?.RequestId,
            },
            HttpRequestException or IOException or SocketException => new LumaConnectionException(DescribeConnectionFailure(call, failure, context.Attempts), failure),

            // Not the caller's token, not Dispose, not our timeout: the caller's own HttpClient.Timeout, most likely.
            OperationCanceledException => new LumaTimeoutException(
                $"{call.Method} {call.Url.AbsolutePath} was cancelled by the HTTP client's own timeout. Raise HttpClient.Timeout or set it to Timeout.InfiniteTimeSpan and use LumaClientOptions.Timeout.",
                Options.Timeout,
                failure),
            // Not the network: a handler of the chain threw (an IHttpClientFactory handler that is not registered, say).
            _ => new LumaException(
                $"{call.Method} {call.Url.AbsolutePath} failed in the HTTP handler chain, before the network: {failure.GetType().Name}: {failure.Message} "
                + "Check the handlers added to the client (AddHttpMessageHandler needs the handler registered as a service).",
                failure),
        };

        if (error.RequestId is null)
        {
            error.SetRequestId(context.LastRequestId);
        }

        return error;
    }

    /// <summary>The error the call ends with: for a create whose outcome is unknown, marked so nobody simply retries it.</summary>
    private LumaException Final(ApiCall call, RequestContext context, LumaException error, int? status, AttemptFailure failure)
    {
        if (!call.Operation.IsIdempotent() && RetryRules.IsUncertainForCreate(status, failure))
        {
            if (context.IsCreate)
            {
                error.MarkGenerationMayExist();
                Log.UncertainCreate(Logger, error.RequestId);
            }
            else
            {
                error.AddAdvice("The file record may have been created anyway; an orphan pending file is harmless (it is never completed and expires), so uploading again is safe.");
            }
        }

        return error;
    }

    private LumaTimeoutException BudgetSpent(ApiCall call, CallBudget budget, LumaException? lastError, TimeSpan? serverHint, RequestContext context, Exception? cause = null)
    {
        var limit = budget.Limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var hint = serverHint is { } wait
            ? $" The server asked to wait {wait.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s before a retry, past that limit."
            : string.Empty;
        var last = lastError is null ? string.Empty : " Last error: " + lastError.Message;
        var message = budget.Kind == BudgetKind.TotalTimeout
            ? $"{call.Method} {call.Url.AbsolutePath} did not complete within the total timeout of {limit} s (retries included).{hint} "
              + "Raise LumaClientOptions.TotalTimeout (or RequestOptions.TotalTimeout)." + last
            : $"{call.Method} {call.Url.AbsolutePath} did not complete within the {limit} s left of the wait.{hint}" + last;
        var error = new LumaTimeoutException(message, budget.Limit, (Exception?)lastError ?? cause)
        {
            Budget = budget.Kind,
            RequestId = lastError?.RequestId ?? context.LastRequestId,
        };

        // Whether a create may have gone through: an attempt cut short, or a last error that left it open.
        int? status = lastError is LumaApiException api ? (int)api.StatusCode : null;
        var failure = cause is not null ? AttemptFailure.TimedOut
            : lastError is null or LumaApiException ? AttemptFailure.None
            : AttemptFailures.Classify(lastError);
        Final(call, context, error, status, failure);
        return error;
    }

    private void OnRetry(ApiCall call, RequestContext context, ResponseFacts? facts, AttemptFailure failure, int retriesSoFar, int maxRetries, TimeSpan delay)
    {
        var reason = facts is not null
            ? facts.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : failure switch
            {
                AttemptFailure.ConnectFailed => "connect_failed",
                AttemptFailure.TimedOut => "timeout",
                _ => "connection_broken",
            };
        if (LumaTelemetry.RetriesInstrument.Enabled)
        {
            LumaTelemetry.RetriesInstrument.Add(
                1,
                new KeyValuePair<string, object?>("luma.operation", call.Operation.Tag()),
                new KeyValuePair<string, object?>("luma.retry.reason", reason));
        }

        Log.Retrying(Logger, call.Method.Method, call.Url.AbsolutePath, delay.TotalMilliseconds, reason, retriesSoFar + 1, maxRetries);
    }

    /// <summary>Logs and measures one attempt; costs nothing unless someone listens.</summary>
    private void Record(ApiCall call, RequestContext context, HttpResponseMessage? response, ResponseFacts? facts, TimeSpan elapsed, bool debug)
    {
        if (facts is not null)
        {
            if (debug)
            {
                Log.Received(Logger, facts.Status, call.Method.Method, call.Url.AbsolutePath, elapsed.TotalMilliseconds, context.LastRequestId, LoggedHeaders.Describe(response?.Headers));
                if (facts.Ignored is { } ignored)
                {
                    Log.IgnoredHeaders(Logger, call.Method.Method, call.Url.AbsolutePath, ignored);
                }
            }

            if (facts.Status == 429)
            {
                Log.RateLimited(Logger, facts.Kind, call.Method.Method, call.Url.AbsolutePath, (facts.RetryAfter ?? TimeSpan.Zero).TotalMilliseconds, context.LastRequestId);
                if (LumaTelemetry.RateLimitedInstrument.Enabled)
                {
                    LumaTelemetry.RateLimitedInstrument.Add(1, new KeyValuePair<string, object?>("luma.rate_limit.kind", LumaTelemetry.KindTag(facts.Kind)));
                }
            }
        }

        if (LumaTelemetry.RequestDurationInstrument.Enabled)
        {
            LumaTelemetry.RequestDurationInstrument.Record(
                elapsed.TotalSeconds,
                new KeyValuePair<string, object?>("http.request.method", call.Method.Method),
                new KeyValuePair<string, object?>("luma.operation", call.Operation.Tag()),
                new KeyValuePair<string, object?>("http.response.status_code", facts?.Status));
        }
    }

    /// <summary>Whether a failure without a response is the network's (or our attempt timeout), which retries can help.</summary>
    private static bool IsNetworkFailure(Exception? failure)
        => failure is null or LumaTimeoutException or HttpRequestException or IOException or SocketException or OperationCanceledException;

    private static void Tag(Activity activity, RequestContext context, string? requestId)
    {
        activity.SetTag("luma.attempts", context.Attempts);
        activity.SetTag("luma.request_id", requestId);
    }

    private string DescribeConnectionFailure(ApiCall call, Exception ex, int attempts)
        => $"Could not complete {call.Method} {call.Url.AbsolutePath} with {Settings.BaseUrl.Host} "
           + $"({attempts} attempt{(attempts == 1 ? string.Empty : "s")}): {Sentences.Close(ex.Message)} "
           + $"Check the network, and the base URL ({Settings.BaseUrl.GetLeftPart(UriPartial.Authority)}).";

    /// <summary>What a call returns once it has succeeded: the response object, or the value alone.</summary>
    private abstract class ResultShape<T, TResult>
    {
        public abstract TResult Make(T value, HttpResponseMessage response, ResponseFacts facts);
    }

    private static class ResultShape<T>
    {
        public static readonly ResultShape<T, LumaResponse<T>> WithResponse = new ResponseShape();

        public static readonly ResultShape<T, T> ValueOnly = new ValueShape();

        private sealed class ResponseShape : ResultShape<T, LumaResponse<T>>
        {
            public override LumaResponse<T> Make(T value, HttpResponseMessage response, ResponseFacts facts)
                => new(value, response.StatusCode, response.Headers, facts.RateLimit);
        }

        private sealed class ValueShape : ResultShape<T, T>
        {
            public override T Make(T value, HttpResponseMessage response, ResponseFacts facts) => value;
        }
    }
}
