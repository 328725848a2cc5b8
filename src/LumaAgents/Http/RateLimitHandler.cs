namespace LumaAgents;

/// <summary>
/// Inside the retry loop: holds each create attempt until the rate-limit window has room, and tells the gate
/// what the response said. Reads pass straight through (the API does not count them).
/// </summary>
internal sealed class RateLimitHandler : DelegatingHandler
{
    private readonly RateLimitGate _gate;

    public RateLimitHandler(RateLimitGate gate, HttpMessageHandler inner)
        : base(inner)
    {
        _gate = gate;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RequestContext.For(request) is not { IsCreate: true })
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await _gate.AcquireAsync(cancellationToken).ConfigureAwait(false);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            _gate.Complete(response is null ? null : (int)response.StatusCode, response is null ? null : RateLimitInfo.FromHeaders(response.Headers));
        }
    }
}
