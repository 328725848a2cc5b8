using System.Text.RegularExpressions;
using LumaAgents.Redis.Tests.Support;
using LumaAgents.Testing;
using StackExchange.Redis;

namespace LumaAgents.Redis.Tests;

/// <summary>What a fleet leaves in Redis: keys named by a hash of the account, every one expiring, and no API key anywhere.</summary>
[Collection(RedisCollection.Name)]
public sealed class KeyHygieneTests(SharedRedis redis)
{
    [Fact]
    public async Task After_creates_waits_reads_and_a_429_no_key_name_or_value_holds_the_API_key_and_every_key_expires()
    {
        const string secret = "luma-api-7f3c9d2e81b04a6c95e2d1f0a8b7c6d5";
        var time = new ManualTimeProvider();
        await using var api = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = time,
            ApiKeys = [secret],
            RequestsPerMinute = 3,
            MaxConcurrentJobs = 2,
            QueuedFor = TimeSpan.Zero,
            ProcessingFor = TimeSpan.FromSeconds(2),
        });
        var prefix = "hyg" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await redis.ConnectAsync();
        var coordinator = new RedisCoordinator(connection, new RedisCoordinatorOptions { KeyPrefix = prefix, ScriptClock = VirtualFleet.VirtualClock, CommandTimeout = TimeSpan.FromSeconds(10) });
        var transport = new InFlightCounter();
        using var client = new LumaClient(new HttpClient(transport), new LumaClientOptions
        {
            ApiKey = secret,
            BaseUrl = api.BaseUrl,
            TimeProvider = time,
            Timeout = Timeout.InfiniteTimeSpan,
            MaxConcurrentJobs = 2,
            Coordinator = coordinator,
        });
        var wait = new WaitOptions { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1) };

        // Another tool on the account fills its job slots first, so the fleet meets a 429 too.
        using (var outsider = new LumaClient(new HttpClient(), new LumaClientOptions { ApiKey = secret, BaseUrl = api.BaseUrl, TimeProvider = time, ProactiveThrottling = false, Retry = { MaxRetries = 0 } }))
        {
            for (var i = 0; i < 2; i++)
            {
                await outsider.Generations.CreateAsync(GenerationRequest.Image("outside " + i));
            }
        }

        var jobs = Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.Generations.CreateAndWaitAsync(GenerationRequest.Image("fox " + i), wait)));
        var done = await time.RunUntilCompleteAsync(jobs, () => transport.IsBusy || coordinator.IsBusy, realTimeoutMs: 30_000);
        await client.Generations.GetAsync(done[0].Id);
        Assert.Contains(api.Requests, r => r.RouteKind == RouteKind.Create && r.StatusCode == 429);

        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: prefix + ":*"))
        {
            keys.Add(key);
        }

        Assert.NotEmpty(keys);
        var db = connection.GetDatabase();
        var shape = new Regex("^" + prefix + @":\{[0-9a-f]{32}\}:[a-z:]+$");
        foreach (var key in keys)
        {
            Assert.Matches(shape, key.ToString());
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.True(ttl is { } left && left > TimeSpan.Zero, $"{key} never expires");
            var dump = await DumpAsync(db, key);
            Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(secret["luma-api-".Length..][..12], dump, StringComparison.Ordinal);
        }

        // And nothing else in the whole database holds it either (the scan covers every key, ours or not).
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            Assert.DoesNotContain(secret, key.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await DumpAsync(db, key), StringComparison.Ordinal);
        }
    }

    private static async Task<string> DumpAsync(IDatabase db, RedisKey key)
    {
        var type = await db.KeyTypeAsync(key);
        return key.ToString() + "=" + type switch
        {
            RedisType.String => (string?)await db.StringGetAsync(key) ?? string.Empty,
            RedisType.Hash => string.Join(",", (await db.HashGetAllAsync(key)).Select(e => e.Name + ":" + e.Value)),
            RedisType.SortedSet => string.Join(",", (await db.SortedSetRangeByRankWithScoresAsync(key)).Select(e => e.Element + ":" + e.Score)),
            RedisType.Set => string.Join(",", await db.SetMembersAsync(key)),
            RedisType.List => string.Join(",", await db.ListRangeAsync(key)),
            _ => type.ToString(),
        };
    }
}
