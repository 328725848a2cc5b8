namespace LumaAgents;

/// <summary>
/// How failed attempts are retried. Reads are retried on 408, 409, 429, 5xx, broken connections and attempt
/// timeouts. Creates are retried only where the job surely was not created (429, 502, 503, a connection that
/// could not be made), unless <see cref="RetryUncertainPosts"/> is true.
/// </summary>
public sealed class RetryOptions
{
    private int _maxRetries = 2;
    private TimeSpan _baseDelay = TimeSpan.FromSeconds(0.5);
    private TimeSpan _maxDelay = TimeSpan.FromSeconds(8);
    private TimeSpan _maxServerDelay = TimeSpan.FromSeconds(60);
    private bool _retryUncertainPosts;

    /// <summary>Retries after the first attempt (default 2; 0 turns retries off).</summary>
    public int MaxRetries { get => _maxRetries; set => Set(ref _maxRetries, value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "MaxRetries cannot be negative.")); }

    /// <summary>The first backoff delay (default 0.5 s); it doubles on each retry, up to <see cref="MaxDelay"/>, less up to 25 % jitter.</summary>
    public TimeSpan BaseDelay { get => _baseDelay; set => Set(ref _baseDelay, value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value))); }

    /// <summary>The longest computed backoff delay (default 8 s).</summary>
    public TimeSpan MaxDelay { get => _maxDelay; set => Set(ref _maxDelay, value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value))); }

    /// <summary>
    /// The longest server-requested wait (<c>Retry-After</c>, <c>retry-after-ms</c>) that is slept on (default 60 s).
    /// A 429 asking for longer is not retried: it surfaces as <see cref="LumaRateLimitException"/> with <c>RetryAfter</c>.
    /// </summary>
    public TimeSpan MaxServerDelay { get => _maxServerDelay; set => Set(ref _maxServerDelay, value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value))); }

    /// <summary>
    /// Also retry creates whose outcome is unknown (a timeout, a connection broken after sending, 500, 504). Off by
    /// default: the API has no idempotency key, so such a retry can create a second, billed generation.
    /// </summary>
    public bool RetryUncertainPosts { get => _retryUncertainPosts; set => Set(ref _retryUncertainPosts, value); }

    internal bool IsFrozen { get; private set; }

    internal void Freeze() => IsFrozen = true;

    /// <summary>Describes the settings.</summary>
    public override string ToString()
        => $"RetryOptions {{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, MaxServerDelay = {MaxServerDelay}, RetryUncertainPosts = {RetryUncertainPosts} }}";

    private void Set<T>(ref T field, T value)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException("These RetryOptions are in use by a LumaClient and can no longer change.");
        }

        field = value;
    }
}
