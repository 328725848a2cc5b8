namespace LumaAgents;

/// <summary>Which failure codes a resubmission can cure (reference §3).</summary>
internal static class FailureCodes
{
    public static bool IsRetryable(FailureCode? code)
        => code is { } c
           && (c == FailureCode.GenerationFailed || c == FailureCode.OutputNotFound || c == FailureCode.RateLimited);
}
