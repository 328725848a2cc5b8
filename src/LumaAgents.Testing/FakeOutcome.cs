namespace LumaAgents.Testing;

/// <summary>
/// What happens to a generation after its 201: the states it reports over time and, if it fails, why. The standard
/// outcomes go <c>queued</c> → <c>processing</c> → <c>completed</c> | <c>failed</c>; <see cref="Sequence"/> describes any
/// other path, including states the API has not documented.
/// </summary>
public sealed class FakeOutcome
{
    private FakeOutcome(IReadOnlyList<FakeStateStep>? steps, string finalState, TimeSpan? queuedFor, TimeSpan? processingFor, string? failureCode, string? failureReason)
    {
        Steps = steps;
        FinalState = finalState;
        QueuedFor = queuedFor;
        ProcessingFor = processingFor;
        FailureCode = failureCode;
        FailureReason = failureReason;
    }

    /// <summary>The custom state sequence, or <see langword="null"/> for the standard schedule.</summary>
    public IReadOnlyList<FakeStateStep>? Steps { get; }

    /// <summary>The state the generation ends in.</summary>
    public string FinalState { get; }

    /// <summary>How long the generation stays queued, or <see langword="null"/> for the server's default (standard schedule only).</summary>
    public TimeSpan? QueuedFor { get; }

    /// <summary>How long the generation stays processing, or <see langword="null"/> for the server's default (standard schedule only).</summary>
    public TimeSpan? ProcessingFor { get; }

    /// <summary>The <c>failure_code</c> reported once the generation is <c>failed</c>.</summary>
    public string? FailureCode { get; }

    /// <summary>The <c>failure_reason</c> reported once the generation is <c>failed</c>.</summary>
    public string? FailureReason { get; }

    /// <summary>The generation completes with its outputs.</summary>
    /// <param name="queuedFor">How long it stays queued; <see langword="null"/> for <see cref="FakeLumaServerOptions.QueuedFor"/>.</param>
    /// <param name="processingFor">How long it processes; <see langword="null"/> for <see cref="FakeLumaServerOptions.ProcessingFor"/>.</param>
    /// <returns>The outcome.</returns>
    public static FakeOutcome Completed(TimeSpan? queuedFor = null, TimeSpan? processingFor = null)
    {
        ThrowIfNegative(queuedFor, processingFor);
        return new FakeOutcome(null, "completed", queuedFor, processingFor, null, null);
    }

    /// <summary>The generation fails with a failure code.</summary>
    /// <param name="failureCode">The code, documented (<c>content_moderated</c>) or not.</param>
    /// <param name="failureReason">The reason; <see langword="null"/> for <see cref="FakeLumaServerDetails.FailureReasonFor"/>.</param>
    /// <param name="queuedFor">How long it stays queued; <see langword="null"/> for the server's default.</param>
    /// <param name="processingFor">How long it processes before failing; <see langword="null"/> for the server's default.</param>
    /// <returns>The outcome.</returns>
    public static FakeOutcome Failed(string failureCode, string? failureReason = null, TimeSpan? queuedFor = null, TimeSpan? processingFor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(failureCode);
        ThrowIfNegative(queuedFor, processingFor);
        return new FakeOutcome(null, "failed", queuedFor, processingFor, failureCode, failureReason ?? FakeLumaServerDetails.FailureReasonFor(failureCode));
    }

    /// <summary>
    /// The generation walks through the given steps; the last step's state lasts forever. A sequence that ends in
    /// <c>completed</c> has outputs; one that ends in <c>failed</c> reports the failure code; one that ends elsewhere
    /// never finishes (its concurrency slot is freed after an hour, like the real API's cap).
    /// </summary>
    /// <param name="steps">At least one step, e.g. <c>pending</c> for 2 s, then <c>completed</c>.</param>
    /// <param name="failureCode">The failure code if the sequence reaches <c>failed</c>; defaults to <c>generation_failed</c>.</param>
    /// <param name="failureReason">The failure reason; defaults to the code's realistic text.</param>
    /// <returns>The outcome.</returns>
    public static FakeOutcome Sequence(IEnumerable<FakeStateStep> steps, string? failureCode = null, string? failureReason = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        FakeStateStep[] copy = [.. steps];
        if (copy.Length == 0)
        {
            throw new ArgumentException("A state sequence needs at least one step.", nameof(steps));
        }

        foreach (FakeStateStep step in copy)
        {
            if (step.State is null)
            {
                throw new ArgumentException("Every step needs a state; use the FakeStateStep constructor.", nameof(steps));
            }
        }

        string final = copy[^1].State;
        string? code = null;
        string? reason = null;
        if (final == "failed")
        {
            code = failureCode ?? "generation_failed";
            reason = failureReason ?? FakeLumaServerDetails.FailureReasonFor(code);
        }

        return new FakeOutcome(copy, final, null, null, code, reason);
    }

    /// <summary>The generation reports one state forever, e.g. a seeded job stuck in <c>processing</c>.</summary>
    /// <param name="state">The state.</param>
    /// <param name="failureCode">The failure code when <paramref name="state"/> is <c>failed</c>.</param>
    /// <param name="failureReason">The failure reason when <paramref name="state"/> is <c>failed</c>.</param>
    /// <returns>The outcome.</returns>
    public static FakeOutcome InState(string state, string? failureCode = null, string? failureReason = null) =>
        Sequence([new FakeStateStep(state, TimeSpan.Zero)], failureCode, failureReason);

    /// <summary>
    /// An <see cref="FakeLumaServerOptions.OutcomeSelector"/> that fails a share of generations, deterministically: the
    /// decision is a hash of <paramref name="seed"/> and the generation's <see cref="FakeGenerationContext.SequenceNumber"/>,
    /// so the same seed fails the same generations on every run, whatever the timing. Generations it does not fail keep
    /// their default outcome (so <c>[fail:code]</c> prompt markers still work).
    /// </summary>
    /// <param name="failRate">The share to fail, from 0 (none) to 1 (all).</param>
    /// <param name="seed">Chooses which generations fail.</param>
    /// <param name="failureCode">The <c>failure_code</c> of the failed ones.</param>
    /// <returns>The selector.</returns>
    public static Func<FakeGenerationContext, FakeOutcome?> FailingAtRate(double failRate, int seed = 0, string failureCode = "generation_failed")
    {
        if (double.IsNaN(failRate) || failRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(failRate), failRate, "A fail rate is between 0 and 1.");
        }

        ArgumentException.ThrowIfNullOrEmpty(failureCode);
        FakeOutcome failed = Failed(failureCode);
        return context =>
        {
            // SplitMix64 of (seed, sequence): a uniform draw in [0, 1) that depends on nothing else.
            ulong z = ((ulong)(uint)seed << 32 | (uint)context.SequenceNumber) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53)) < failRate ? failed : null;
        };
    }

    /// <inheritdoc />
    public override string ToString() => FailureCode is null ? FinalState : $"{FinalState} ({FailureCode})";

    internal IReadOnlyList<FakeStateStep> ResolveSteps(TimeSpan defaultQueuedFor, TimeSpan defaultProcessingFor) =>
        Steps ??
        [
            new FakeStateStep("queued", QueuedFor ?? defaultQueuedFor),
            new FakeStateStep("processing", ProcessingFor ?? defaultProcessingFor),
            new FakeStateStep(FinalState, TimeSpan.Zero),
        ];

    private static void ThrowIfNegative(TimeSpan? queuedFor, TimeSpan? processingFor)
    {
        if (queuedFor < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(queuedFor), queuedFor, "Durations cannot be negative.");
        }

        if (processingFor < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(processingFor), processingFor, "Durations cannot be negative.");
        }
    }
}
