using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorConcurrencyTests
{
    [Fact]
    public async Task A_thousand_concurrent_creates_make_a_thousand_distinct_generations_and_log_entries()
    {
        const int Count = 1000;
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, RequestsPerMinute = Count, MaxConcurrentJobs = Count });
        using HttpClient client = Client(server);

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, Count).Select(i => CreateAsync(client, $$"""{"prompt":"job {{i}}"}""")));
        using HttpResponseMessage overLimit = await CreateAsync(client);

        Assert.All(responses, r => Assert.Equal(201, (int)r.StatusCode));
        string[] remaining = [.. responses.Select(r => Header(r, "X-RateLimit-Remaining"))];
        Assert.Equal(Count, remaining.Distinct().Count());
        Assert.Equal(429, (int)overLimit.StatusCode);
        Assert.Equal(Count, server.Generations.Select(g => g.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Count), server.Generations.Select(g => g.SequenceNumber));
        Assert.Equal(Count + 1, server.Requests.Count);
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }
}
