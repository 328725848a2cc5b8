using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LumaAgents.Redis.Tests;

/// <summary>Options out of range fail at construction with what to set; misuse says how to use the coordinator.</summary>
[Collection(Support.RedisCollection.Name)]
public sealed class OptionsTests(Support.SharedRedis redis)
{
    public static TheoryData<string, Action<RedisCoordinatorOptions>> Invalid => new()
    {
        { "KeyPrefix", o => o.KeyPrefix = "luma:{x}" },
        { "KeyPrefix", o => o.KeyPrefix = "" },
        { "Account", o => o.Account = "has space" },
        { "MaxConcurrentJobs", o => o.MaxConcurrentJobs = 0 },
        { "JobLeaseTimeout", o => o.JobLeaseTimeout = TimeSpan.FromHours(2) },
        { "CommandTimeout", o => o.CommandTimeout = TimeSpan.Zero },
        { "RetryInterval", o => o.RetryInterval = TimeSpan.FromSeconds(-1) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_option_out_of_range_is_refused_naming_it(string name, Action<RedisCoordinatorOptions> configure)
    {
        var options = new RedisCoordinatorOptions();
        configure(options);

        var error = Assert.Throws<LumaConfigurationException>(() => new RedisCoordinator(redis.Connection, options));

        Assert.Contains("RedisCoordinatorOptions." + name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Called_directly_without_an_account_it_says_how_to_use_it()
    {
        var coordinator = new RedisCoordinator(redis.Connection);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await coordinator.AdmitCreateAsync(TimeSpan.Zero));

        Assert.Contains("LumaClientOptions.Coordinator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Called_directly_with_an_account_it_decides_for_that_account()
    {
        var prefix = "direct" + Guid.NewGuid().ToString("N")[..8];
        var coordinator = new RedisCoordinator(redis.Connection, new RedisCoordinatorOptions { KeyPrefix = prefix, Account = "team-a", MaxConcurrentJobs = 1 });

        await using var slot = await coordinator.AcquireJobSlotAsync();

        Assert.Equal(1, await redis.Connection.GetDatabase().SortedSetLengthAsync(prefix + ":{team-a}:jobs:slots"));
    }

    [Fact]
    public void Clients_attached_for_one_account_name_share_its_keys_whatever_their_key()
    {
        var coordinator = new RedisCoordinator(redis.Connection, new RedisCoordinatorOptions { Account = "team-a" });
        var one = (AccountCoordinator)coordinator.ForClient(new LumaCoordinationContext("hash-of-key-1", null, TimeProvider.System, NullLogger.Instance));
        var two = (AccountCoordinator)coordinator.ForClient(new LumaCoordinationContext("hash-of-key-2", null, TimeProvider.System, NullLogger.Instance));

        Assert.Equal((RedisKey)"luma:{team-a}:rpm:window", one.Keys.Window);
        Assert.Equal(one.Keys.Window, two.Keys.Window);
    }
}
