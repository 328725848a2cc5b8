using Microsoft.Extensions.Logging;

namespace LumaAgents;

/// <summary>
/// One HTTP attempt, bounded by the per-attempt timeout: the response body is read inside the attempt (a success
/// body parsed from the stream, an error body buffered), so a body that stalls, breaks off or arrives truncated
/// fails this attempt (and can be retried) instead of failing after the retry loop. Also where each attempt is
/// logged and measured. One async method on purpose: every extra layer costs a task per call.
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
        var time = _components.Time;

        // Log arguments cost allocations (header reads, a header summary): only when Debug is on.
        var debug = logger.IsEnabled(LogLevel.Debug);
        if (debug)
        {
            Diagnostics.Log.Sending(logger, request.Method.Method, request.RequestUri!.AbsolutePath, context?.Attempts ?? 1, context?.LastRequestId);
        }

        var timeout = context?.Options?.Timeout ?? _components.Options.Timeout;
        var hasTimeout = timeout != Timeout.InfiniteTimeSpan;
        using var attemptTimeout = hasTimeout ? AttemptTimeout.Start(time, timeout, cancellationToken) : default;
        var token = hasTimeout ? attemptTimeout.Token : cancellationToken;
        var started = time.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && context?.Reader is { } reader)
            {
                await reader.ReadAsync(response, token).ConfigureAwait(false);
            }
            else
            {
                await BufferAsync(response, token).ConfigureAwait(false);
            }

            return response;
        }
        catch (Exception ex)
        {
            response?.Dispose();
            var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            if (hasTimeout && attemptTimeout.TimedOut)
            {
                if (debug)
                {
                    Diagnostics.Log.AttemptFailed(logger, request.Method.Method, request.RequestUri!.AbsolutePath, elapsedMs, context?.LastRequestId, "timed out");
                }

                throw new LumaTimeoutException(
                    $"{request.Method} {request.RequestUri?.AbsolutePath} got no complete response within {timeout.TotalSeconds:0.###} s. "
                    + "Raise LumaClientOptions.Timeout (or RequestOptions.Timeout for one call) if the network is slow.",
                    timeout,
                    ex);
            }

            if (debug && ex is not OperationCanceledException)
            {
                Diagnostics.Log.AttemptFailed(logger, request.Method.Method, request.RequestUri!.AbsolutePath, elapsedMs, context?.LastRequestId, ex.GetType().Name + ": " + ex.Message);
            }

            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            // A body read aborted by our own cancellation surfaces as some I/O error; say what it was.
            if (token.IsCancellationRequested && ex is not OperationCanceledException)
            {
                throw new OperationCanceledException("The response body was not read in time.", ex, token);
            }

            throw;
        }
        finally
        {
            if (response is not null)
            {
                await RecordAsync(request, response, time.GetElapsedTime(started), debug).ConfigureAwait(false);
            }
            else if (Diagnostics.LumaTelemetry.RequestDurationInstrument.Enabled)
            {
                RecordDuration(request, null, time.GetElapsedTime(started));
            }
        }
    }

    /// <summary>Reads an error (or unparsed) body into memory within the attempt, abortable on every target.</summary>
    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
        // Without a cancellable overload: disposing the response aborts a stalled body read.
        using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }
#endif
    }

    private async Task RecordAsync(HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed, bool debug)
    {
        if (debug)
        {
            Diagnostics.Log.Received(
                _components.Logger, (int)response.StatusCode, request.Method.Method, request.RequestUri!.AbsolutePath, elapsed.TotalMilliseconds,
                RequestContext.For(request)?.LastRequestId, Diagnostics.LoggedHeaders.Describe(response.Headers));
        }

        if ((int)response.StatusCode == 429)
        {
            // Only 429s pay for reading the detail: it is the one signal that tells the two limits apart.
            var kind = RateLimitKinds.FromDetail(ApiErrors.ReadDetail(await response.Content.ReadAsStringAsync().ConfigureAwait(false)));
            var hint = RetryAfterHeader.Read(response.Headers, _components.Time.GetUtcNow()) ?? TimeSpan.Zero;
            Diagnostics.Log.RateLimited(_components.Logger, kind, request.Method.Method, request.RequestUri!.AbsolutePath, hint.TotalMilliseconds, RequestContext.For(request)?.LastRequestId);
            if (Diagnostics.LumaTelemetry.RateLimitedInstrument.Enabled)
            {
                Diagnostics.LumaTelemetry.RateLimitedInstrument.Add(1, new KeyValuePair<string, object?>("luma.rate_limit.kind", Diagnostics.LumaTelemetry.KindTag(kind)));
            }
        }

        if (Diagnostics.LumaTelemetry.RequestDurationInstrument.Enabled)
        {
            RecordDuration(request, response, elapsed);
        }
    }

    private static void RecordDuration(HttpRequestMessage request, HttpResponseMessage? response, TimeSpan elapsed)
        => Diagnostics.LumaTelemetry.RequestDurationInstrument.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("http.request.method", request.Method.Method),
            new KeyValuePair<string, object?>("luma.operation", Diagnostics.LumaTelemetry.OperationOf(request)),
            new KeyValuePair<string, object?>("http.response.status_code", response is null ? null : (int)response.StatusCode));
}
