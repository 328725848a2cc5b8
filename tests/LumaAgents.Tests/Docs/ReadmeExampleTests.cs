using LumaAgents.Testing;

namespace LumaAgents.Tests.Docs;

/// <summary>The README's test-kit example, verbatim in substance, so the documentation cannot drift from the code.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_test_kit_example_works_as_written()
    {
        var clock = new ManualTimeProvider();
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
        var done = await clock.RunUntilCompleteAsync(client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox")));
        Assert.True(done.IsCompleted);
        Assert.Equal(2, server.Requests.Count(r => r.RouteKind == RouteKind.Create));

        server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenDrop());
        var error = await Assert.ThrowsAsync<LumaConnectionException>(() => client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));
        Assert.True(error.GenerationMayExist);

        var moderated = await Assert.ThrowsAsync<GenerationFailedException>(
            () => clock.RunUntilCompleteAsync(client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a cat"))));
        Assert.Equal(FailureCode.ContentModerated, moderated.FailureCode);
    }
}
