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
    /// Whether the SDK knows that submitting the same request again may succeed: true for <c>generation_failed</c>,
    /// <c>output_not_found</c> and <c>rate_limited</c>. False means "not known to help": for moderation, budget and
    /// input problems (which a resubmission will not cure unchanged), and also for a failure code this SDK does not
    /// know, or none, about which it knows nothing. Tell the two apart with <c>FailureCode is { IsKnown: true }</c>;
    /// the message gives advice only for known codes.
    /// </summary>
    /// <remarks>
    /// A <see cref="bool"/>, not a <c>bool?</c>: <c>if (e.IsRetryable)</c> keeps compiling and stays safe (an unknown code
    /// is never resubmitted automatically), and the "unknown" case is already visible on <see cref="FailureCode"/>.
    /// </remarks>
    public bool IsRetryable => FailureCodes.IsRetryable(FailureCode);

    /// <summary>
    /// One sentence on what to do before submitting the request again (the one the message ends with), or null when
    /// the failure code is one this SDK does not know, or none was given: then it says nothing about retrying rather
    /// than guess, and <see cref="FailureReason"/> is the only guide.
    /// </summary>
    public string? Advice => FailureCodes.Advice(FailureCode);

    private static string BuildMessage(Generation generation)
    {
        var code = generation.FailureCode is { } c && c.Value.Length > 0 ? c.Value : "no failure code given";
        var text = $"Generation {generation.Id} failed ({code})";
        var reason = generation.FailureReason?.Trim();
        text = string.IsNullOrEmpty(reason) ? text + "." : text + ": " + Sentences.Close(reason!);
        return FailureCodes.Advice(generation.FailureCode) is { } advice ? text + " " + advice : text;
    }
}
