namespace LumaAgents;

/// <summary>
/// How <c>WaitForCompletionAsync</c> polls. Unset members take the defaults for the generation's type: images
/// 20 s / 2 s / 2 min (uni-1-max: 4 min), video types 30 s / 5 s / 10 min; see <see cref="LumaClientOptions.ImageWait"/>.
/// </summary>
public sealed record WaitOptions
{
    /// <summary>The shortest poll interval: polling faster than this only burns requests.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest poll interval.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after the generation's <c>created_at</c> to poll first (nothing is ready sooner). A generation
    /// created long ago is polled at once.
    /// </summary>
    public TimeSpan? InitialDelay { get; init; }

    /// <summary>The time between polls; clamped to <see cref="MinPollInterval"/>–<see cref="MaxPollInterval"/>.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>How long to wait in all before <see cref="GenerationTimeoutException"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits without limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Throw <see cref="GenerationFailedException"/> when the generation fails (default true); when false, the failed generation is returned.</summary>
    public bool ThrowOnFailure { get; init; } = true;
}
