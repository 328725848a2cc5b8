using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Serves the simulator without a socket: ASP.NET Core's <see cref="TestServer"/> drives the same request delegate
/// with an in-memory <see cref="HttpContext"/> (streamed bodies, client cancellation and aborts included), started once
/// and shared by every handler it creates. Its handlers ignore the host and port of a request, so the presigned output
/// and upload URLs minted for the socket's origin are served by the same handler.
/// </summary>
internal sealed class InMemoryTransport : IDisposable
{
    private readonly TestServer _server;

    public InMemoryTransport(FakeLumaApi api)
    {
        var options = Options.Create(new TestServerOptions { AllowSynchronousIO = false, PreserveExecutionContext = false });
        _server = new TestServer(new ServiceCollection().BuildServiceProvider(), new FeatureCollection(), options);

        // TestServer starts synchronously: it only records the application.
        ((IServer)_server).StartAsync(new Application(api), CancellationToken.None).GetAwaiter().GetResult();
    }

    public HttpMessageHandler CreateHandler() => new AbortTranslatingHandler(_server.CreateHandler());

    public void Dispose() => _server.Dispose();

    private sealed class Application(FakeLumaApi api) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => api.HandleAsync(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
