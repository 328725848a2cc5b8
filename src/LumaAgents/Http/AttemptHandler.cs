namespace LumaAgents;

/// <summary>
/// One HTTP attempt, bounded by the per-attempt timeout. The response body is read (and a success body parsed)
/// inside the attempt, so a body that stalls, breaks off or arrives truncated fails this attempt (and can be
/// retried) instead of failing after the retry loop. API bodies are small JSON documents; downloads do not come
/// through here.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _defaultTimeout;

    public AttemptHandler(TimeProvider time, TimeSpan defaultTimeout, HttpMessageHandler inner)
        : base(inner)
    {
        _time = time;
        _defaultTimeout = defaultTimeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = RequestContext.For(request);
        var timeout = context?.Options?.Timeout ?? _defaultTimeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await SendAndReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        }

        using var timer = Clock.CancelAfter(_time, timeout);
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
