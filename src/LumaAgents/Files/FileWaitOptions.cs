namespace LumaAgents;

/// <summary>How <see cref="FilesClient.WaitUntilReadyAsync"/> polls a file until it is ready. Unset members take the defaults: 1 s, 2 min.</summary>
public sealed record FileWaitOptions
{
    /// <summary>The default time between polls: 1 s.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The default time to wait in all: 2 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The time between polls; clamped to <see cref="WaitOptions.MinPollInterval"/>–<see cref="WaitOptions.MaxPollInterval"/>.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>
    /// How long to wait in all before a <see cref="LumaTimeoutException"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// waits without limit (the caller's token and the client's Dispose still end it).
    /// </summary>
    public TimeSpan? Timeout { get; init; }
}
