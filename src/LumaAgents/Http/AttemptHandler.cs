namespace LumaAgents;

/// <summary>
/// One HTTP attempt, bounded by the per-attempt timeout. The response body is read (and a success body parsed)
/// inside the attempt, so a body that stalls, breaks off or arrives truncated fails this attempt (and can be
/// retried) instead of failing after the retry loop. API bodies are small JSON documents; downloads do not come
/// through here.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    private readonly LumaClientComponents _components;

    public AttemptHandler(LumaClientComponents components, HttpMessageHandler? inner = null)
    {
        _components = components;
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = RequestContext.For(request);
        var logger = _components.Logger;

        // Log arguments cost allocations (header reads, a header summary): only when Debug is on.
        var debug = logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug);
        var path = request.RequestUri!.AbsolutePath;
        var requestId = debug ? context?.LastRequestId : null;
        if (debug)
        {
            Diagnostics.Log.Sending(logger, request.Method.Method, path, context?.Attempts ?? 1, requestId);
        }

        var started = _components.Time.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await SendWithTimeoutAsync(request, context, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (debug)
            {
                Diagnostics.Log.AttemptFailed(logger, request.Method.Method, path, _components.Time.GetElapsedTime(started).TotalMilliseconds, requestId, ex.GetType().Name + ": " + ex.Message);
            }

            throw;
        }
        finally
        {
            var elapsed = _components.Time.GetElapsedTime(started);
            if (response is not null)
            {
                if (debug)
                {
                    Diagnostics.Log.Received(logger, (int)response.StatusCode, request.Method.Method, path, elapsed.TotalMilliseconds, requestId, Diagnostics.LoggedHeaders.Describe(response.Headers));
                }

                if ((int)response.StatusCode == 429)
                {
                    await RecordRateLimitAsync(request, response, path, context?.LastRequestId).ConfigureAwait(false);
                }
            }

            if (Diagnostics.LumaTelemetry.RequestDurationInstrument.Enabled)
            {
                Diagnostics.LumaTelemetry.RequestDurationInstrument.Record(
                    elapsed.TotalSeconds,
                    new KeyValuePair<string, object?>("http.request.method", request.Method.Method),
                    new KeyValuePair<string, object?>("luma.operation", Diagnostics.LumaTelemetry.OperationOf(request)),
                    new KeyValuePair<string, object?>("http.response.status_code", response is null ? null : (int)response.StatusCode));
            }
        }
    }

    private async Task RecordRateLimitAsync(HttpRequestMessage request, HttpResponseMessage response, string path, string? requestId)
    {
        // Only 429s pay for reading the detail: it is the one signal that tells the two limits apart.
        var kind = RateLimitKinds.FromDetail(ApiErrors.ReadDetail(await response.Content.ReadAsStringAsync().ConfigureAwait(false)));
        var hint = RetryAfterHeader.Read(response.Headers, _components.Time.GetUtcNow()) ?? TimeSpan.Zero;
        Diagnostics.Log.RateLimited(_components.Logger, kind, request.Method.Method, path, hint.TotalMilliseconds, requestId);
        if (Diagnostics.LumaTelemetry.RateLimitedInstrument.Enabled)
        {
            Diagnostics.LumaTelemetry.RateLimitedInstrument.Add(1, new KeyValuePair<string, object?>("luma.rate_limit.kind", Diagnostics.LumaTelemetry.KindTag(kind)));
        }
    }

    private async Task<HttpResponseMessage> SendWithTimeoutAsync(HttpRequestMessage request, RequestContext? context, CancellationToken cancellationToken)
    {
        var timeout = context?.Options?.Timeout ?? _components.Options.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await SendAndReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        }

        using var timer = Clock.CancelAfter(_components.Time, timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await SendAndReadAsync(request, context, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LumaTimeoutException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} got no complete response within {timeout.TotalSeconds:0.###} s. "
                + "Raise LumaClientOptions.Timeout (or RequestOptions.Timeout for one call) if the network is slow.",
                timeout,
                ex);
        }
    }

    private async Task<HttpResponseMessage> SendAndReadAsync(HttpRequestMessage request, RequestContext? context, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // Disposing the response aborts a stalled body read; done the same way on every target framework.
            using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (response.IsSuccessStatusCode && context?.Reader is { } reader)
            {
                await reader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            response.Dispose();
            throw new OperationCanceledException("The response body was not read in time.", ex, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
