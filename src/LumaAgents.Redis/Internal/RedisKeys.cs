using StackExchange.Redis;

namespace LumaAgents.Redis;

/// <summary>
/// The keys of one account: <c>{prefix}:{{account}}:…</c>. The braces are a Redis Cluster hash tag, so every key of an
/// account lives in one slot and each script stays on one node.
/// </summary>
internal sealed class RedisKeys
{
    public RedisKeys(string prefix, string account)
    {
        var stem = prefix + ":{" + account + "}:";
        Window = stem + "rpm:window";
        Pending = stem + "rpm:pending";
        Meta = stem + "meta";
        Members = stem + "members";
        Jobs = stem + "jobs";
        Slots = stem + "jobs:slots";
        Born = stem + "jobs:born";
        Done = stem + "jobs:done";
        Waiters = stem + "jobs:waiters";
        ChannelName = stem + "events";
        Channel = RedisChannel.Literal(ChannelName);
    }

    /// <summary>Accepted creates, scored by when their answer came.</summary>
    public RedisKey Window { get; }

    /// <summary>Admitted creates not yet answered, scored by admission.</summary>
    public RedisKey Pending { get; }

    /// <summary>The learned limits and the shared hold.</summary>
    public RedisKey Meta { get; }

    /// <summary>The coordinators that admitted a create lately, scored by when they count as gone.</summary>
    public RedisKey Members { get; }

    /// <summary>Job leases by generation id, scored by expiry.</summary>
    public RedisKey Jobs { get; }

    /// <summary>Job slots reserved for creates not yet answered, scored by expiry.</summary>
    public RedisKey Slots { get; }

    /// <summary>When each leased job was first seen (the one-hour job life counts from there).</summary>
    public RedisKey Born { get; }

    /// <summary>Jobs read terminal lately, so a late read of them running cannot lease them again.</summary>
    public RedisKey Done { get; }

    /// <summary>Processes waiting for a job slot, scored by when their wait counts as abandoned.</summary>
    public RedisKey Waiters { get; }

    /// <summary>Where scripts announce that room may have opened ('w': the window; 'j:&lt;member&gt;': a job slot, for that process).</summary>
    public RedisChannel Channel { get; }

    public string ChannelName { get; }
}
