namespace LumaAgents;

/// <summary>What each documented failure code means for a resubmission (reference §3).</summary>
internal static class FailureCodes
{
    /// <summary>Whether the SDK knows that submitting the same request again may succeed.</summary>
    public static bool IsRetryable(FailureCode? code)
        => code is { } c
           && (c == FailureCode.GenerationFailed || c == FailureCode.OutputNotFound || c == FailureCode.RateLimited);

    /// <summary>
    /// One sentence on what to do before submitting again, for the codes the SDK knows; null for a code it does not
    /// know (or none), about which it says nothing rather than guess.
    /// </summary>
    public static string? Advice(FailureCode? code)
    {
        if (code is not { IsKnown: true } c)
        {
            return null;
        }

        if (c == FailureCode.GenerationFailed || c == FailureCode.OutputNotFound)
        {
            return "Submitting the request again may succeed.";
        }

        if (c == FailureCode.RateLimited)
        {
            return "Submitting the request again after a pause will likely succeed.";
        }

        if (c == FailureCode.ContentModerated)
        {
            return "Change the prompt or the input media before submitting again; the same request will be refused again.";
        }

        if (c == FailureCode.BudgetExhausted)
        {
            return "Add funds to the account before submitting again.";
        }

        if (c == FailureCode.InvalidRequest)
        {
            return "Change the request before submitting again; the same request will be refused again.";
        }

        // image_too_large, unsupported_format, corrupt_input.
        return "Fix the input media before submitting again; the same request will be refused again.";
    }
}
