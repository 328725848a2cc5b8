using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorRateLimitTests
{
    [Fact]
    public async Task Rpm_limit_answers_429_with_retry_after_until_oldest_request_ages_out()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, RequestsPerMinute = 2 });
        using HttpClient client = Client(server);

        using HttpResponseMessage first = await CreateAsync(client);
        clock.Advance(TimeSpan.FromSeconds(10));
        using HttpResponseMessage second = await CreateAsync(client);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        using HttpResponseMessage limited = await CreateAsync(client);

        Assert.Equal(201, (int)first.StatusCode);
        Assert.Equal("0", Header(second, "X-RateLimit-Remaining"));
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(FakeLumaServerDetails.RateLimitExceeded, await ReadDetailAsync(limited));
        Assert.Equal("50", Header(limited, "Retry-After"));
        Assert.Equal("2", Header(limited, "X-RateLimit-Limit"));
        Assert.Equal("0", Header(limited, "X-RateLimit-Remaining"));
        Assert.Equal((Start.ToUnixTimeSeconds() + 60).ToString(), Header(limited, "X-RateLimit-Reset"));

        clock.Advance(TimeSpan.FromSeconds(49));
        using HttpResponseMessage stillLimited = await CreateAsync(client);
        Assert.Equal("1", Header(stillLimited, "Retry-After"));

        clock.Advance(TimeSpan.FromSeconds(0.5));
        using HttpResponseMessage admitted = await CreateAsync(client);
        Assert.Equal(201, (int)admitted.StatusCode);
        Assert.Equal("0", Header(admitted, "X-RateLimit-Remaining"));
        Assert.Equal(3, server.Generations.Count);
    }

    [Fact]
    public async Task Refused_and_invalid_requests_do_not_count_in_the_window_and_gets_are_never_limited()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, RequestsPerMinute = 1 });
        using HttpClient client = Client(server);

        using HttpResponseMessage invalid = await CreateAsync(client, "{}");
        string id = (await CreateGenerationAsync(client)).GetProperty("id").GetString()!;
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage refused = await CreateAsync(client);
            Assert.Equal(429, (int)refused.StatusCode);
            _ = await GetGenerationAsync(client, id);
        }

        clock.Advance(TimeSpan.FromSeconds(60));
        using HttpResponseMessage admitted = await CreateAsync(client);

        Assert.Equal(400, (int)invalid.StatusCode);
        Assert.Equal(201, (int)admitted.StatusCode);
    }

    [Fact]
    public async Task Rpm_is_shared_by_all_keys_of_the_server()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, RequestsPerMinute = 1, ApiKeys = ["luma-api-a", "luma-api-b"] });
        using HttpClient a = Client(server, "luma-api-a");
        using HttpClient b = Client(server, "luma-api-b");

        using HttpResponseMessage first = await CreateAsync(a);
        using HttpResponseMessage second = await CreateAsync(b);

        Assert.Equal(201, (int)first.StatusCode);
        Assert.Equal(429, (int)second.StatusCode);
    }

    [Fact]
    public async Task Concurrent_limit_answers_429_with_retry_after_60_until_a_job_is_terminal()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = clock,
            MaxConcurrentJobs = 2,
            OutcomeSelector = c => c.SequenceNumber == 2 ? FakeOutcome.Failed("generation_failed", processingFor: TimeSpan.FromSeconds(1)) : null,
        });
        using HttpClient client = Client(server);
        _ = await CreateGenerationAsync(client);
        _ = await CreateGenerationAsync(client);

        using HttpResponseMessage limited = await CreateAsync(client);
        clock.Advance(TimeSpan.FromSeconds(1.999));
        using HttpResponseMessage stillLimited = await CreateAsync(client);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using HttpResponseMessage freedByFailure = await CreateAsync(client);
        using HttpResponseMessage fullAgain = await CreateAsync(client);
        clock.Advance(TimeSpan.FromSeconds(2));
        using HttpResponseMessage freedByCompletion = await CreateAsync(client);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(FakeLumaServerDetails.TooManyConcurrentJobs, await ReadDetailAsync(limited));
        Assert.Equal("60", Header(limited, "Retry-After"));
        Assert.False(HasHeader(limited, "X-RateLimit-Limit"));
        Assert.False(HasHeader(limited, "X-RateLimit-Remaining"));
        Assert.False(HasHeader(limited, "X-RateLimit-Reset"));
        Assert.Equal(429, (int)stillLimited.StatusCode);
        Assert.Equal(201, (int)freedByFailure.StatusCode);
        Assert.Equal(429, (int)fullAgain.StatusCode);
        Assert.Equal(201, (int)freedByCompletion.StatusCode);
    }

    [Fact]
    public async Task A_job_that_never_finishes_holds_its_slot_for_at_most_an_hour()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = clock,
            MaxConcurrentJobs = 1,
            OutcomeSelector = _ => FakeOutcome.InState("processing"),
        });
        using HttpClient client = Client(server);
        _ = await CreateGenerationAsync(client);

        clock.Advance(TimeSpan.FromMinutes(59));
        using HttpResponseMessage held = await CreateAsync(client);
        clock.Advance(TimeSpan.FromMinutes(1));
        using HttpResponseMessage released = await CreateAsync(client);

        Assert.Equal(429, (int)held.StatusCode);
        Assert.Equal(201, (int)released.StatusCode);
    }

    [Fact]
    public async Task Abuse_ceiling_answers_429_too_many_requests_with_only_retry_after()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, AbuseRequestsPerMinute = 3, RequestsPerMinute = 100 });
        using HttpClient client = Client(server);
        string id = (await CreateGenerationAsync(client)).GetProperty("id").GetString()!;
        clock.Advance(TimeSpan.FromSeconds(15));
        _ = await GetGenerationAsync(client, id);
        using HttpResponseMessage unknown = await client.GetAsync("elsewhere");

        using HttpResponseMessage ceiling = await client.GetAsync($"generations/{id}");

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(429, (int)ceiling.StatusCode);
        Assert.Equal(FakeLumaServerDetails.TooManyRequests, await ReadDetailAsync(ceiling));
        Assert.Equal("45", Header(ceiling, "Retry-After"));
        Assert.False(HasHeader(ceiling, "X-RateLimit-Limit"));
        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal("completed", (await GetGenerationAsync(client, id)).GetProperty("state").GetString());
    }
}
