namespace LumaAgents;

/// <summary>
/// The SDK's own time limit ran out (per attempt, or in total). Distinct from <see cref="OperationCanceledException"/>,
/// which the SDK raises only when the caller's cancellation token fires.
/// </summary>
public sealed class LumaTimeoutException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out and how to change the limit.</param>
    /// <param name="timeout">The limit that ran out.</param>
    /// <param name="innerException">The underlying cancellation, if any.</param>
    public LumaTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that ran out.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Which limit on the whole call ran out, or null for a single attempt's.</summary>
    internal BudgetKind? Budget { get; init; }
}
