using StackExchange.Redis;

namespace LumaAgents.Redis.Tests.Support;

/// <summary>
/// The Redis most tests share: LUMA_TEST_REDIS when set (.ci/run starts one and sets it), else a redis-server started
/// for this run. Never skipped: without either, every test fails saying how to get one. Tests isolate themselves by
/// key prefix, so they can share it.
/// </summary>
public sealed class SharedRedis : IAsyncLifetime
{
    public const string EnvironmentVariable = "LUMA_TEST_REDIS";

    private RedisServer? _own;

    public string Address { get; private set; } = string.Empty;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(given))
        {
            _own = await RedisServer.StartAsync();
            Address = _own.Address;
        }
        else
        {
            Address = given.Trim();
        }

        try
        {
            Connection = await ConnectionMultiplexer.ConnectAsync(Address + ",connectTimeout=2000");
        }
        catch (RedisConnectionException ex)
        {
            throw new InvalidOperationException($"No Redis answers at {Address} ({EnvironmentVariable}={given}). " + RedisServer.InstallHint, ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }

    /// <summary>A new connection, as another process would have.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Address + ",connectTimeout=2000");
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<SharedRedis>
{
    public const string Name = "Redis";
}
