using LumaAgents.Testing;
using StackExchange.Redis;

namespace LumaAgents.Redis.Tests.Support;

/// <summary>
/// Several "processes" on one account: each its own connection, its own <see cref="RedisCoordinator"/> and client
/// context, all on one virtual clock. The scripts read that clock too (the <c>v:</c> clock argument), so the window's
/// 60 seconds pass in no real time; Redis still runs every script, atomically, as in production. Keys get a prefix of
/// their own, so tests can share a Redis.
/// </summary>
internal sealed class VirtualFleet : IAsyncDisposable
{
    private readonly List<Member> _members = [];
    private readonly string _address;

    public VirtualFleet(string address, string? account = null)
    {
        _address = address;
        Account = account ?? "acct" + Guid.NewGuid().ToString("N")[..12];
    }

    public ManualTimeProvider Time { get; } = new();

    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    public string Account { get; }

    /// <summary>Whether any member has a Redis call on the wire (virtual time must not jump then).</summary>
    public bool IsBusy => _members.Any(m => m.Coordinator.IsBusy);

    public IReadOnlyList<Member> Members => _members;

    public static string VirtualClock(TimeProvider time) => "v:" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<Member> JoinAsync(int? maxConcurrentJobs = null, Action<RedisCoordinatorOptions>? configure = null, string? address = null)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync((address ?? _address) + ",connectTimeout=2000,abortConnect=false");
        // A generous timeout: this machine is shared and can stall a process for a while; the timeout itself is tested on its own.
        var options = new RedisCoordinatorOptions { KeyPrefix = Prefix, ScriptClock = VirtualClock, CommandTimeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        var coordinator = new RedisCoordinator(redis, options);
        var log = new CapturingLogger();
        var client = coordinator.ForClient(new LumaCoordinationContext(Account, maxConcurrentJobs, Time, log));
        var member = new Member(redis, coordinator, client, log);
        _members.Add(member);
        return member;
    }

    /// <summary>Runs <paramref name="task"/> in virtual time: the clock jumps to the next timer whenever nobody is on the wire.</summary>
    public Task<T> RunAsync<T>(Task<T> task, Func<bool>? alsoBusy = null)
        => Time.RunUntilCompleteAsync(task, () => IsBusy || alsoBusy?.Invoke() == true, realTimeoutMs: 30_000);

    public Task RunAsync(Task task, Func<bool>? alsoBusy = null)
        => Time.RunUntilCompleteAsync(task, () => IsBusy || alsoBusy?.Invoke() == true, realTimeoutMs: 30_000);

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.Redis.DisposeAsync();
        }
    }

    public sealed record Member(ConnectionMultiplexer Redis, RedisCoordinator Coordinator, ILumaCoordinator Client, CapturingLogger Log)
    {
        public AccountCoordinator Account => (AccountCoordinator)Client;
    }
}
