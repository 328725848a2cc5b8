using System.Globalization;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Tools;

namespace LumaAgents.Mcp.Flows;

/// <summary>
/// The SDK's wait, as the tools use it: the per-model polling defaults, the agent's <c>timeout_seconds</c> as the
/// deadline, the client's cancellation, a progress notification on every state change, and a passed deadline as a
/// result (the job goes on) rather than an error. A failed generation comes back as a value.
/// </summary>
internal static class GenerationWait
{
    /// <summary>The longest wait one call may ask for: a job holds its slot for at most an hour.</summary>
    public const int MaxTimeoutSeconds = 3600;

    public static async Task<WaitResult> RunAsync(
        ToolContext context, string generationId, Generation? known, TimeSpan? timeout, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var time = context.Backend.Time;
        var started = time.GetTimestamp();
        var options = new WaitOptions { Timeout = timeout, ThrowOnFailure = false };
        var sink = progress.ForGeneration(g => Describe(g, time.GetElapsedTime(started)));
        try
        {
            var generations = context.Generations;
            var last = known is null
                ? await generations.WaitForCompletionAsync(generationId, options, sink, cancellationToken).ConfigureAwait(false)
                : await generations.WaitForCompletionAsync(known, options, sink, cancellationToken).ConfigureAwait(false);
            return new WaitResult(generationId, last, TimedOut: false, time.GetElapsedTime(started));
        }
        catch (GenerationTimeoutException timedOut)
        {
            return new WaitResult(generationId, timedOut.LastKnown ?? known, TimedOut: true, time.GetElapsedTime(started));
        }
    }

    private static string Describe(Generation generation, TimeSpan elapsed)
        => string.Create(CultureInfo.InvariantCulture, $"Generation {generation.Id} is {generation.State.Value} ({elapsed.TotalSeconds:0.#} s)");
}
