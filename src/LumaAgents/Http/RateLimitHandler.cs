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

    // Not async itself: reads pass through without a state machine of their own.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _components.Gate is { } gate && RequestContext.For(request) is { IsCreate: true }
            ? SendCreateAsync(gate, request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendCreateAsync(RateLimitGate gate, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var waited = await gate.AcquireAsync(
            wait => Diagnostics.Log.HoldingCreate(_components.Logger, wait is { } due ? due.TotalMilliseconds : -1), cancellationToken).ConfigureAwait(false);
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
