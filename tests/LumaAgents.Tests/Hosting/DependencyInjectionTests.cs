using LumaAgents.Testing;
using LumaAgents.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LumaAgents.Tests.Hosting;

/// <summary>AddLumaAgents for ASP.NET Core and worker hosts (ARCHITECTURE §7).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task A_host_configured_from_a_section_resolves_a_client_that_completes_a_generation()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero });
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LumaAgents:ApiKey"] = server.ApiKey,
            ["LumaAgents:BaseUrl"] = server.BaseUrl.ToString(),
            ["LumaAgents:Timeout"] = "00:00:30",
            ["LumaAgents:Retry:MaxRetries"] = "4",
            ["LumaAgents:ImageWait:InitialDelay"] = "00:00:00",
            ["LumaAgents:ImageWait:PollInterval"] = "00:00:00.5",
        });
        builder.Services.AddLumaAgents(builder.Configuration.GetSection("LumaAgents"));
        using var host = builder.Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<LumaClient>();
        var done = await client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"));

        Assert.True(done.IsCompleted);
        Assert.Same(client, host.Services.GetRequiredService<LumaClient>());
        Assert.Equal(4, client.Options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), client.Options.Timeout);
        Assert.Equal(server.BaseUrl, client.BaseUrl);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_key_fails_host_start_naming_the_setting_and_the_variable()
    {
        using var environment = new EnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable, null);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LumaAgents:Timeout"] = "00:00:10" });
        builder.Services.AddLumaAgents(builder.Configuration.GetSection("LumaAgents"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("LumaAgents:ApiKey", error.Message);
        Assert.Contains("LUMA_AGENTS_API_KEY", error.Message);
    }

    [Fact]
    public async Task The_key_falls_back_to_the_environment_variable()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using var environment = new EnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable, server.ApiKey);
        var services = new ServiceCollection();
        services.AddLumaAgents(o => o.BaseUrl = server.BaseUrl);
        using var provider = services.BuildServiceProvider();

        var generation = await provider.GetRequiredService<LumaClient>().Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        Assert.Equal("Bearer " + server.ApiKey, server.Requests.Single().Headers["Authorization"]);
        Assert.NotEmpty(generation.Id);
    }

    [Fact]
    public async Task A_malformed_configuration_value_names_its_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Luma:ApiKey"] = "luma-api-x",
            ["Luma:Retry:MaxRetries"] = "many",
        });
        builder.Services.AddLumaAgents(builder.Configuration.GetSection("Luma"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<LumaConfigurationException>(() => host.StartAsync());

        Assert.Contains("'Luma:Retry:MaxRetries'", error.Message);
        Assert.Contains("whole number", error.Message);
    }

    [Fact]
    public async Task A_user_handler_added_to_the_builder_sees_every_attempt()
    {
        await using var server = await FakeLumaServer.StartAsync();
        var id = server.SeedGeneration();
        server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(0));
        var services = new ServiceCollection();
        services.AddSingleton<CountingHandler>();
        services.AddLumaAgents(o => { o.ApiKey = server.ApiKey; o.BaseUrl = server.BaseUrl; o.Retry.BaseDelay = TimeSpan.Zero; })
            .AddHttpMessageHandler<CountingHandler>();
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<LumaClient>().Generations.GetAsync(id);

        var seen = provider.GetRequiredService<CountingHandler>().Seen;
        Assert.Equal([503, 200], seen.Select(s => s.Status));
        Assert.Equal(2, seen.Select(s => s.RequestId).Distinct().Count());
        Assert.All(seen, s => Assert.Equal("Bearer " + server.ApiKey, s.Authorization));
    }

    [Fact]
    public async Task Two_keyed_clients_talk_to_two_servers_with_two_keys()
    {
        await using var first = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { ApiKeys = ["luma-api-first"] });
        await using var second = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { ApiKeys = ["luma-api-second"] });
        var services = new ServiceCollection();
        services.AddKeyedLumaAgents("first", o => { o.ApiKey = "luma-api-first"; o.BaseUrl = first.BaseUrl; });
        services.AddKeyedLumaAgents("second", o => { o.ApiKey = "luma-api-second"; o.BaseUrl = second.BaseUrl; });
        using var provider = services.BuildServiceProvider();

        var a = provider.GetRequiredKeyedService<LumaClient>("first");
        var b = provider.GetRequiredKeyedService<LumaClient>("second");
        await a.Generations.CreateAsync(GenerationRequest.CreateImage("one"));
        await b.Generations.CreateAsync(GenerationRequest.CreateImage("two"));
        await b.Generations.CreateAsync(GenerationRequest.CreateImage("three"));

        Assert.NotSame(a, b);
        Assert.Single(first.Generations);
        Assert.Equal(2, second.Generations.Count);
        Assert.Equal("Bearer luma-api-first", first.Requests.Single().Headers["Authorization"]);
        Assert.All(second.Requests, r => Assert.Equal("Bearer luma-api-second", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task The_singleton_client_asks_the_factory_for_its_current_handler_on_every_call()
    {
        await using var server = await FakeLumaServer.StartAsync();
        var id = server.SeedGeneration();
        var services = new ServiceCollection();
        services.AddLumaAgents(o => { o.ApiKey = server.ApiKey; o.BaseUrl = server.BaseUrl; });
        var factory = services.Last(d => d.ServiceType == typeof(IHttpMessageHandlerFactory));
        services.Remove(factory);
        services.AddSingleton<IHttpMessageHandlerFactory>(sp => new CountingFactory((IHttpMessageHandlerFactory)factory.ImplementationFactory!(sp)));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LumaClient>();

        for (var i = 0; i < 3; i++)
        {
            await client.Generations.GetAsync(id);
        }

        // A client holding one handler forever would keep a chain the factory has retired (stale DNS).
        var counting = (CountingFactory)provider.GetRequiredService<IHttpMessageHandlerFactory>();
        Assert.Equal(3, counting.Calls);
        Assert.All(counting.Names, n => Assert.Equal("LumaAgents", n));
    }

    private sealed class CountingFactory(IHttpMessageHandlerFactory inner) : IHttpMessageHandlerFactory
    {
        private int _calls;

        public int Calls => _calls;

        public System.Collections.Concurrent.ConcurrentBag<string> Names { get; } = [];

        public HttpMessageHandler CreateHandler(string name)
        {
            Interlocked.Increment(ref _calls);
            Names.Add(name);
            return inner.CreateHandler(name);
        }
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public List<(int Status, string? RequestId, string? Authorization)> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (Seen)
            {
                Seen.Add(((int)response.StatusCode, request.Headers.GetValues("X-Request-Id").Single(), request.Headers.Authorization?.ToString()));
            }

            return response;
        }
    }
}
