using LumaAgents.Redis.Tests.Support;
using LumaAgents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LumaAgents.Redis.Tests;

/// <summary><c>AddLumaAgents(…).AddRedisCoordination(…)</c>: the registered client shares its limits on Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class DependencyInjectionTests(SharedRedis redis)
{
    [Fact]
    public async Task From_a_connection_string_the_registered_client_decides_on_Redis()
    {
        await using var api = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { RequestsPerMinute = 30 });
        var prefix = "di" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection();
        services.AddLumaAgents(o => { o.ApiKey = api.ApiKey; o.BaseUrl = api.BaseUrl; })
            .AddRedisCoordination(redis.Address, o => { o.KeyPrefix = prefix; o.CommandTimeout = TimeSpan.FromSeconds(10); });

        await using (var provider = services.BuildServiceProvider())
        {
            var options = provider.GetRequiredService<IOptionsMonitor<LumaClientOptions>>().Get(LumaAgentsServiceCollectionExtensions.HttpClientName());
            Assert.IsType<RedisCoordinator>(options.Coordinator);
            await provider.GetRequiredService<LumaClient>().Generations.CreateAsync(GenerationRequest.Image("fox"));
        }

        var window = await CountKeysAsync(prefix + ":*:rpm:window");
        Assert.Equal(1, window);
    }

    [Fact]
    public async Task Without_a_connection_string_it_uses_the_containers_multiplexer()
    {
        await using var api = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { RequestsPerMinute = 30 });
        var prefix = "di" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await redis.ConnectAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(connection);
        services.AddKeyedLumaAgents("fleet", o => { o.ApiKey = api.ApiKey; o.BaseUrl = api.BaseUrl; })
            .AddRedisCoordination(o => { o.KeyPrefix = prefix; o.CommandTimeout = TimeSpan.FromSeconds(10); });

        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredKeyedService<LumaClient>("fleet").Generations.CreateAsync(GenerationRequest.Image("fox"));
        }

        Assert.True(connection.IsConnected, "the container's multiplexer belongs to the app, not to the coordinator");
        Assert.Equal(1, await CountKeysAsync(prefix + ":*:rpm:window"));
    }

    [Fact]
    public void Without_a_multiplexer_in_the_container_resolving_the_client_says_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddLumaAgents(o => o.ApiKey = "luma-api-x").AddRedisCoordination();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<LumaConfigurationException>(() => provider.GetRequiredService<LumaClient>());

        Assert.Contains("IConnectionMultiplexer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_that_cannot_be_read_is_refused_without_quoting_it()
    {
        var services = new ServiceCollection();
        services.AddLumaAgents(o => o.ApiKey = "luma-api-x").AddRedisCoordination("localhost,password=hunter2,nosuchoption=1");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<LumaConfigurationException>(() => provider.GetRequiredService<LumaClient>());

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private async Task<int> CountKeysAsync(string pattern)
    {
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var count = 0;
        await foreach (var _ in server.KeysAsync(pattern: pattern))
        {
            count++;
        }

        return count;
    }
}
