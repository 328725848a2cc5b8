namespace LumaAgents;

/// <summary>
/// The retry decision and the delay, as two small pure functions (tested without a network). The handler only
/// wires them into Polly.
/// </summary>
internal static class RetryRules
{
    /// <summary>The share of a computed backoff that jitter may take away (spreads synchronized clients).</summary>
    public const double JitterFraction = 0.25;

    /// <summary>Whether attempt <paramref name="retriesSoFar"/> + 1 should be followed by another.</summary>
    /// <param name="status">The response status, or null when the attempt failed without one.</param>
    /// <param name="failure">How it failed without a response.</param>
    /// <param name="shouldRetryHeader">The server's <c>x-should-retry</c> header, if any.</param>
    /// <param name="serverHint">The server's Retry-After hint, if any.</param>
    /// <param name="isCreate">Whether the request creates a (billed) generation.</param>
    /// <param name="retriesSoFar">Retries already made.</param>
    /// <param name="maxRetries">Retries allowed.</param>
    /// <param name="options">The retry settings.</param>
    public static bool ShouldRetry(
        int? status, AttemptFailure failure, string? shouldRetryHeader, TimeSpan? serverHint, bool isCreate, int retriesSoFar, int maxRetries, RetryOptions options)
    {
        // The budget is spent.
        if (retriesSoFar >= maxRetries)
        {
            return false;
        }

        // A success is final.
        if (status is >= 200 and < 400)
        {
            return false;
        }

        // A 429 asking for a longer wait than we sleep on surfaces with its RetryAfter instead.
        if (status == 429 && serverHint is { } hint && hint > options.MaxServerDelay)
        {
            return false;
        }

        // The server's explicit word beats our status table (it knows whether the job was created).
        if (string.Equals(shouldRetryHeader?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(shouldRetryHeader?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Nothing was sent: safe for every request.
        if (failure == AttemptFailure.ConnectFailed)
        {
            return true;
        }

        // 429, 502 and 503 mean the job was not created: safe for every request.
        if (status is 429 or 502 or 503)
        {
            return true;
        }

        var transient = status is 408 or 409 or >= 500 and <= 599
            || failure is AttemptFailure.TimedOut or AttemptFailure.Broken;
        if (!transient)
        {
            return false;
        }

        // A create whose outcome is unknown (timeout, broken after send, 500, 504) may have made a billed job.
        return !isCreate || options.RetryUncertainPosts;
    }

    /// <summary>The wait before retry number <paramref name="retryNumber"/> (0-based).</summary>
    /// <param name="retryNumber">0 for the first retry.</param>
    /// <param name="serverHint">The server's Retry-After hint, if any.</param>
    /// <param name="options">The retry settings.</param>
    /// <param name="random">A number in [0, 1) for jitter.</param>
    public static TimeSpan Delay(int retryNumber, TimeSpan? serverHint, RetryOptions options, double random)
    {
        // A server hint within bounds is taken as given; zero, negative or too long falls back to backoff.
        if (serverHint is { } hint && hint > TimeSpan.Zero && hint <= options.MaxServerDelay)
        {
            return hint;
        }

        var exponent = Math.Min(retryNumber, 30);
        var backoffTicks = Math.Min(options.BaseDelay.Ticks * Math.Pow(2, exponent), options.MaxDelay.Ticks);
        var jittered = backoffTicks * (1 - (JitterFraction * random));
        return TimeSpan.FromTicks((long)jittered);
    }

    /// <summary>Whether a failure to a create leaves its outcome unknown (the job may exist).</summary>
    public static bool IsUncertainForCreate(int? status, AttemptFailure failure)
        => status is 500 or 504 || failure is AttemptFailure.TimedOut or AttemptFailure.Broken;
}
