namespace LumaAgents;

/// <summary>A generation ended in the <c>failed</c> state.</summary>
public sealed class GenerationFailedException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="generation">The failed generation.</param>
    public GenerationFailedException(Generation generation)
        : base(BuildMessage(generation ?? throw new ArgumentNullException(nameof(generation))))
    {
        Generation = generation;
    }

    /// <summary>The failed generation.</summary>
    public Generation Generation { get; }

    /// <summary>The failure code, if the server gave one.</summary>
    public FailureCode? FailureCode => Generation.FailureCode;

    /// <summary>The server's human-readable reason, if any.</summary>
    public string? FailureReason => Generation.FailureReason;

    /// <summary>
    /// Whether submitting the same request again may succeed: true for <c>generation_failed</c>,
    /// <c>output_not_found</c> and <c>rate_limited</c>; false for moderation, budget and input problems.
    /// </summary>
    public bool IsRetryable => FailureCodes.IsRetryable(FailureCode);

    private static string BuildMessage(Generation generation)
    {
        var code = generation.FailureCode?.Value ?? "unknown";
        var reason = string.IsNullOrEmpty(generation.FailureReason) ? string.Empty : ": " + generation.FailureReason;
        var advice = FailureCodes.IsRetryable(generation.FailureCode)
            ? " Submitting the request again may succeed."
            : " Submitting the same request again will not help.";
        return $"Generation {generation.Id} failed ({code}){reason}.{advice}";
    }
}
