using LumaAgents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LumaAgents.Tests.Docs;

/// <summary>The README's test-kit example, verbatim in substance, so the documentation cannot drift from the code.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_test_kit_example_works_as_written()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = clock,
            ProcessingFor = TimeSpan.FromSeconds(31),
            RequestsPerMinute = 10,
            OutcomeSelector = ctx => ctx.Prompt!.Contains("cat") ? FakeOutcome.Failed("content_moderated") : null,
        });
        using var client = new LumaClient(new LumaClientOptions
        {
            ApiKey = server.ApiKey, BaseUrl = server.BaseUrl, TimeProvider = clock, Timeout = Timeout.InfiniteTimeSpan,
        });

        server.Faults.Add(FakeRoute.Create, FakeFault.ServiceUnavailable(retryAfterSeconds: 1));
        var done = await clock.RunUntilCompletedAsync(client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox")), step: TimeSpan.FromSeconds(1));
        Assert.True(done.IsCompleted);
        Assert.Equal(2, server.Requests.Count(r => r.RouteKind == RouteKind.Create));

        server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenDrop());
        var error = await Assert.ThrowsAsync<LumaConnectionException>(() => client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));
        Assert.True(error.GenerationMayExist);

        var moderated = await Assert.ThrowsAsync<GenerationFailedException>(
            () => clock.RunUntilCompletedAsync(client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a cat")), step: TimeSpan.FromSeconds(1)));
        Assert.Equal(FailureCode.ContentModerated, moderated.FailureCode);
    }

    [Fact]
    public async Task The_readme_dependency_injection_snippet_registers_the_handler_it_adds()
    {
        await using var server = await FakeLumaServer.StartAsync();
        var id = server.SeedGeneration();
        var services = new ServiceCollection();
        services.AddSingleton<AuditLog>();

        // As the README writes it: the handler is registered, then added to the client's pipeline.
        services.AddTransient<MyAuditHandler>();
        services.AddLumaAgents(o => { o.ApiKey = server.ApiKey; o.BaseUrl = server.BaseUrl; })
            .AddHttpMessageHandler<MyAuditHandler>();
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<LumaClient>().Generations.GetAsync(id);

        Assert.Equal(["GET /v1/generations/" + id], provider.GetRequiredService<AuditLog>().Requests);
    }

    [Fact]
    public async Task Without_registering_the_handler_the_first_call_fails_which_is_why_the_readme_registers_it()
    {
        await using var server = await FakeLumaServer.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<AuditLog>();
        services.AddLumaAgents(o => { o.ApiKey = server.ApiKey; o.BaseUrl = server.BaseUrl; })
            .AddHttpMessageHandler<MyAuditHandler>();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LumaClient>();

        var error = await Record.ExceptionAsync(() => client.Generations.GetAsync(server.SeedGeneration()));

        // IHttpClientFactory's own error, whether the SDK passes it on as it is or wraps it.
        var cause = error;
        while (cause is not null and not InvalidOperationException)
        {
            cause = cause.InnerException;
        }

        Assert.True(cause is not null, $"Expected IHttpClientFactory's InvalidOperationException, got {error}");
        Assert.Contains(nameof(MyAuditHandler), cause!.Message);
    }

    private sealed class AuditLog
    {
        public List<string> Requests { get; } = [];
    }

    private sealed class MyAuditHandler(AuditLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (log)
            {
                log.Requests.Add(request.Method + " " + request.RequestUri!.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
