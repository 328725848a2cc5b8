namespace LumaAgents;

/// <summary>
/// Inside the retry loop: holds each create attempt until the rate-limit window has room, and tells the gate
/// what the response said. Reads pass straight through (the API does not count them).
/// </summary>
internal sealed class RateLimitHandler : DelegatingHandler
{
    private readonly LumaClientComponents _components;

    public RateLimitHandler(LumaClientComponents components, HttpMessageHandler? inner = null)
    {
        _components = components;
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_components.Gate is not { } gate || RequestContext.For(request) is not { IsCreate: true })
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var waited = await gate.AcquireAsync(cancellationToken).ConfigureAwait(false);
        if (waited > TimeSpan.Zero)
        {
            Diagnostics.Log.ThrottledCreate(_components.Logger, waited.TotalMilliseconds);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            gate.Complete(response is null ? null : (int)response.StatusCode, response is null ? null : RateLimitInfo.FromHeaders(response.Headers));
        }
    }
}
