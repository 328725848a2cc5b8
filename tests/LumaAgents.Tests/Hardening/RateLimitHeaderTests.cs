using System.Globalization;
using System.Net;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hardening;

/// <summary>No rate-limit header, however odd, can freeze, crash or stall creates beyond one window.</summary>
public sealed class RateLimitHeaderTests
{
    private static readonly TimeSpan OneWindow = TimeSpan.FromSeconds(60.25);

    [Fact]
    public async Task A_limit_of_zero_on_a_201_does_not_hold_later_creates()
    {
        var time = new ManualTimeProvider();
        var handler = Created(time, ("X-RateLimit-Limit", "0"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(time, 60)));
        using var client = TestClients.WithHandler(handler, o => o.TimeProvider = time);

        for (var i = 0; i < 5; i++)
        {
            // Completes without any virtual time passing: nothing holds it.
            await client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(ManualTimeProvider.DefaultStart, time.GetUtcNow());
        Assert.Equal(5, handler.Sent);
    }

    [Theory]
    [InlineData(3600)]
    [InlineData(946_080_000)]
    [InlineData(-3600)]
    public async Task A_reset_far_ahead_or_in_the_past_holds_at_most_one_window_and_never_throws_raw(long resetInSeconds)
    {
        var time = new ManualTimeProvider();
        var handler = Created(time, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(time, resetInSeconds)));
        using var client = TestClients.WithHandler(handler, o => o.TimeProvider = time);

        await client.Generations.CreateAsync(GenerationRequest.CreateImage("first"));
        await time.RunUntilCompleteAsync(client.Generations.CreateAsync(GenerationRequest.CreateImage("second")));

        Assert.True(time.GetUtcNow() - ManualTimeProvider.DefaultStart <= OneWindow, $"held {time.GetUtcNow() - ManualTimeProvider.DefaultStart}");
        Assert.Equal(2, handler.Sent);
    }

    [Fact]
    public async Task Any_combination_of_hostile_headers_leaves_creates_bounded_and_typed()
    {
        // A hand-rolled property test over seeded random headers: reproducible, and failures name the case.
        var random = new Random(20261201);
        string[] limits = ["0", "-1", "1", "30", "2147483648", "abc", "", " 5 ", "1e3"];
        string[] remainings = ["0", "-5", "29", "1000000", "x", "0.5"];
        string[] retryAfters = ["0", "-5", "1", "17", "61", "86400", "99999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", "1.5"];
        long[] resets = [-100000, -1, 0, 1, 59, 61, 120, 3600, 946_080_000];
        int[] statuses = [201, 429];
        for (var round = 0; round < 120; round++)
        {
            var time = new ManualTimeProvider();
            var headers = new List<(string, string)>();
            if (random.Next(2) == 0)
            {
                headers.Add(("X-RateLimit-Limit", limits[random.Next(limits.Length)]));
            }

            if (random.Next(2) == 0)
            {
                headers.Add(("X-RateLimit-Remaining", remainings[random.Next(remainings.Length)]));
            }

            if (random.Next(2) == 0)
            {
                headers.Add(("X-RateLimit-Reset", Epoch(time, resets[random.Next(resets.Length)])));
            }

            if (random.Next(2) == 0)
            {
                headers.Add((random.Next(2) == 0 ? "Retry-After" : "retry-after-ms", retryAfters[random.Next(retryAfters.Length)]));
            }

            var status = statuses[random.Next(statuses.Length)];
            var detail = random.Next(2) == 0 ? "Rate limit exceeded" : "Too many concurrent jobs";
            var handler = new ScriptedHandler((_, attempt, _) => Task.FromResult(attempt == 1
                ? ScriptedHandler.Json((HttpStatusCode)status, status == 201 ? Samples.Queued : $$"""{"detail":"{{detail}}"}""", [.. headers])
                : ScriptedHandler.Json(HttpStatusCode.Created, Samples.Queued)));
            using var client = TestClients.WithHandler(handler, o =>
            {
                o.TimeProvider = time;
                o.Retry.MaxRetries = 0;
            });
            var what = $"round {round}: {status} with {string.Join(", ", headers)}";

            foreach (var prompt in new[] { "first", "second" })
            {
                try
                {
                    await time.RunUntilCompleteAsync(client.Generations.CreateAsync(GenerationRequest.CreateImage(prompt)), realTimeoutMs: 10_000);
                }
                catch (Exception ex) when (ex is not LumaException)
                {
                    Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}");
                }
                catch (LumaException)
                {
                    // Typed: fine. A 429 of the first create, or a hold refused as too long.
                }
            }

            Assert.True(time.GetUtcNow() - ManualTimeProvider.DefaultStart <= OneWindow, $"{what}: held {time.GetUtcNow() - ManualTimeProvider.DefaultStart}");
        }
    }

    [Fact]
    public async Task A_hold_longer_than_the_longest_accepted_wait_fails_fast_without_sending()
    {
        var time = new ManualTimeProvider();
        var handler = Created(time, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(time, 50)));
        using var client = TestClients.WithHandler(handler, o =>
        {
            o.TimeProvider = time;
            o.Retry.MaxServerDelay = TimeSpan.FromSeconds(5);
        });
        await client.Generations.CreateAsync(GenerationRequest.CreateImage("first"));

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => client.Generations.CreateAsync(GenerationRequest.CreateImage("second")));

        Assert.Equal(RateLimitKind.RequestsPerMinute, error.Kind);
        Assert.True(error.RetryAfter > TimeSpan.FromSeconds(49), $"retry after {error.RetryAfter}");
        Assert.Contains("not sent", error.Message);
        Assert.Equal(1, handler.Sent);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_rate_limit_hold()
    {
        var time = new ManualTimeProvider();
        var handler = Created(time, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(time, 50)));
        using var client = TestClients.WithHandler(handler, o =>
        {
            o.TimeProvider = time;
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        await client.Generations.CreateAsync(GenerationRequest.CreateImage("first"));

        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => client.Generations.CreateAsync(GenerationRequest.CreateImage("second")));

        Assert.Contains("total timeout", error.Message);
        Assert.False(error.GenerationMayExist);
        Assert.Equal(1, handler.Sent);
    }

    private static ScriptedHandler Created(ManualTimeProvider time, params (string Name, string Value)[] headers)
        => new((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.Created, Samples.Queued, headers)));

    private static string Epoch(ManualTimeProvider time, long secondsAhead)
        => (time.GetUtcNow().ToUnixTimeSeconds() + secondsAhead).ToString(CultureInfo.InvariantCulture);
}
