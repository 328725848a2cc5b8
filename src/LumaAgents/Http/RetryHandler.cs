using Polly;
using Polly.Retry;

namespace LumaAgents;

/// <summary>
/// Runs each call through a Polly retry pipeline built once per client. The decisions come from
/// <see cref="RetryRules"/>; this class only wires them, stamps a fresh <c>X-Request-Id</c> on every attempt,
/// disposes the responses of failed attempts, and applies the optional total timeout. The Polly pipeline lives in
/// <see cref="LumaClientComponents"/>, so handler rebuilds do not rebuild it.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("LumaAgents.Request");

    private readonly LumaClientComponents _components;

    public RetryHandler(LumaClientComponents components, HttpMessageHandler? inner = null)
    {
        _components = components;
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    /// <summary>Built once per client: handler rebuilds (IHttpClientFactory) share it.</summary>
    public static ResiliencePipeline<HttpResponseMessage> BuildPipeline(LumaClientComponents components)
    {
        var retry = components.Options.Retry;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = components.Time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // The budget is per call (RequestOptions.MaxRetries), so Polly's own cap is lifted and
                // RetryRules.ShouldRetry enforces it.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(components, args.Outcome, args.Context, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    RetryRules.Delay(args.AttemptNumber, ServerHint(components, args.Outcome), retry, Jitter.NextDouble())),
                OnRetry = args =>
                {
                    OnRetry(components, args.Outcome, args.Context, args.AttemptNumber, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var totalTimeout = RequestContext.For(request)?.Options?.TotalTimeout ?? _components.Options.TotalTimeout;
        return totalTimeout is not { } limit || limit == Timeout.InfiniteTimeSpan
            ? ExecuteAsync(request, cancellationToken)
            : ExecuteWithTotalTimeoutAsync(request, limit, cancellationToken);
    }

    private async Task<HttpResponseMessage> ExecuteWithTotalTimeoutAsync(HttpRequestMessage request, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var linked = Clock.LinkWithTimeout(_components.Time, limit, cancellationToken);
        try
        {
            return await ExecuteAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (Clock.TimedOut(linked, cancellationToken) && ex is OperationCanceledException or LumaTimeoutException)
        {
            throw new LumaTimeoutException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} did not complete within the total timeout of {limit.TotalSeconds:0.###} s (retries included). "
                + "Raise LumaClientOptions.TotalTimeout (or RequestOptions.TotalTimeout).",
                limit,
                ex);
        }
    }

    private async Task<HttpResponseMessage> ExecuteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _components.RetryPipeline.ExecuteOutcomeAsync(
                static async (ctx, handler) =>
                {
                    var message = ctx.Properties.GetValue(RequestKey, null!);
                    StampAttempt(message);
                    try
                    {
                        return Outcome.FromResult(await handler.SendAttemptAsync(message, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                this).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);

    /// <summary>A fresh X-Request-Id per attempt, so each attempt can be found in the server's logs.</summary>
    private static void StampAttempt(HttpRequestMessage request)
    {
        var context = RequestContext.For(request);
        var attempt = context?.NextAttempt() ?? 1;
        string? callerId = null;
        context?.Options?.Headers.TryGetValue("X-Request-Id", out callerId);
        var id = callerId is null ? Guid.NewGuid().ToString() : attempt == 1 ? callerId : callerId + "-retry" + (attempt - 1);
        request.Headers.Remove("X-Request-Id");
        request.Headers.TryAddWithoutValidation("X-Request-Id", id);
        context?.RecordRequestId(id);
    }

    private static bool ShouldRetry(LumaClientComponents components, Outcome<HttpResponseMessage> outcome, ResilienceContext context, int retriesSoFar)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = context.Properties.GetValue(RequestKey, null!);
        var requestContext = RequestContext.For(request);
        var maxRetries = requestContext?.Options?.MaxRetries ?? components.Options.Retry.MaxRetries;
        var isCreate = requestContext?.IsCreate ?? false;

        if (outcome.Exception is { } exception)
        {
            // Our own errors other than an attempt timeout (validation, configuration) are final.
            if (exception is OperationCanceledException || (exception is LumaException and not LumaTimeoutException))
            {
                return false;
            }

            return RetryRules.ShouldRetry(null, AttemptFailures.Classify(exception), null, null, isCreate, retriesSoFar, maxRetries, components.Options.Retry);
        }

        var response = outcome.Result!;
        return RetryRules.ShouldRetry(
            (int)response.StatusCode,
            AttemptFailure.None,
            HeaderValues.First(response.Headers, "x-should-retry"),
            ServerHint(components, outcome),
            isCreate,
            retriesSoFar,
            maxRetries,
            components.Options.Retry);
    }

    private static void OnRetry(LumaClientComponents components, Outcome<HttpResponseMessage> outcome, ResilienceContext context, int retriesSoFar, TimeSpan delay)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        var reason = outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : AttemptFailures.Classify(outcome.Exception!) switch
            {
                AttemptFailure.ConnectFailed => "connect_failed",
                AttemptFailure.TimedOut => "timeout",
                _ => "connection_broken",
            };
        if (Diagnostics.LumaTelemetry.RetriesInstrument.Enabled)
        {
            Diagnostics.LumaTelemetry.RetriesInstrument.Add(
                1,
                new KeyValuePair<string, object?>("luma.operation", Diagnostics.LumaTelemetry.OperationOf(request)),
                new KeyValuePair<string, object?>("luma.retry.reason", reason));
        }

        var maxRetries = RequestContext.For(request)?.Options?.MaxRetries ?? components.Options.Retry.MaxRetries;
        Diagnostics.Log.Retrying(components.Logger, request.Method.Method, request.RequestUri!.AbsolutePath, delay.TotalMilliseconds, reason, retriesSoFar + 1, maxRetries);
    }

    private static TimeSpan? ServerHint(LumaClientComponents components, Outcome<HttpResponseMessage> outcome)
        => outcome.Result is { } response ? RetryAfterHeader.Read(response.Headers, components.Time.GetUtcNow()) : null;
}
