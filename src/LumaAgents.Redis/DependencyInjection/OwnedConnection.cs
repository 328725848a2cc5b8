using StackExchange.Redis;

namespace LumaAgents.Redis;

/// <summary>The container's handle on a coordinator's connection: disposed with the container when the container made it.</summary>
internal sealed class OwnedConnection : IAsyncDisposable
{
    private readonly bool _owns;

    public OwnedConnection(Task<IConnectionMultiplexer> connecting, bool owns = true)
    {
        Connecting = connecting;
        _owns = owns;
    }

    public Task<IConnectionMultiplexer> Connecting { get; }

    public async ValueTask DisposeAsync()
    {
        if (!_owns)
        {
            return;
        }

        try
        {
            var redis = await Connecting.ConfigureAwait(false);
            await redis.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A connection that never came up has nothing to close.
        }
    }
}
