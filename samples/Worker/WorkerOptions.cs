namespace LumaAgents.Samples.Worker;

/// <summary>The worker's settings (section <c>Worker</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>A file with one prompt per line; null for the built-in prompts.</summary>
    public string? PromptsFile { get; set; }

    /// <summary>Where outputs are saved.</summary>
    public string OutputDirectory { get; set; } = "luma-output";

    /// <summary>
    /// How many prompts are in progress at once. Keep it at or below your account's concurrent-jobs limit: above it
    /// the API refuses creates with a 429 that asks for a 60-second wait.
    /// </summary>
    public int MaxParallel { get; set; } = 2;
}
