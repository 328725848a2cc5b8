using StackExchange.Redis;

namespace LumaAgents.Redis;

/// <summary>
/// One account's events in this process: a single subscription per coordinator and account, however many clients
/// attach, raising the signals their waiters watch.
/// </summary>
internal sealed class AccountChannel
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Signal> _jobs = new(StringComparer.Ordinal);
    private int _subscribed;

    public AccountChannel(RedisKeys keys) => Keys = keys;

    public RedisKeys Keys { get; }

    /// <summary>Room may have opened in the requests-per-minute window.</summary>
    public Signal Window { get; } = new();

    /// <summary>A job slot was freed for the process (coordinator) with this member id.</summary>
    public Signal JobsFor(string member) => _jobs.GetOrAdd(member, _ => new Signal());

    /// <summary>Subscribes once; the multiplexer renews the subscription after a reconnect. Without one, waiters recheck on a timer.</summary>
    public void EnsureSubscribed(IConnectionMultiplexer redis)
    {
        if (Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
        {
            return;
        }

        _ = SubscribeAsync(redis);
    }

    private async Task SubscribeAsync(IConnectionMultiplexer redis)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Keys.Channel, (_, message) =>
            {
                var text = (string?)message ?? string.Empty;
                if (text == "w")
                {
                    Window.Raise();
                }
                else if (text.StartsWith("j:", StringComparison.Ordinal) && _jobs.TryGetValue(text.Substring(2), out var waiter))
                {
                    waiter.Raise();
                }
            }).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Try again on the next shared decision; until then, waiters recheck on their timers.
            Volatile.Write(ref _subscribed, 0);
        }
    }
}
