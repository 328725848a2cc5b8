namespace LumaAgents.ScaleHarness;

/// <summary>Counts requests on the wire, so the virtual clock only jumps while nothing is in flight.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 512 })
{
    private int _inFlight;

    public bool IsBusy => Volatile.Read(ref _inFlight) > 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
