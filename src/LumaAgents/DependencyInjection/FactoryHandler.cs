using Microsoft.Extensions.Http;

namespace LumaAgents;

/// <summary>
/// Asks IHttpClientFactory for the client's current handler chain on every call, so a singleton
/// <see cref="LumaClient"/> never holds on to a handler the factory has retired (stale DNS, stale connections).
/// </summary>
internal sealed class FactoryHandler : HttpMessageHandler
{
    private readonly IHttpMessageHandlerFactory _factory;
    private readonly string _name;

    public FactoryHandler(IHttpMessageHandlerFactory factory, string name)
    {
        _factory = factory;
        _name = name;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The invoker does not own the handler: the factory recycles it.
        var invoker = new HttpMessageInvoker(_factory.CreateHandler(_name), disposeHandler: false);
        return invoker.SendAsync(request, cancellationToken);
    }
}
