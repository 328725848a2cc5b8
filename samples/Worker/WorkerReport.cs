using System.Collections.Concurrent;

namespace LumaAgents.Samples.Worker;

/// <summary>What the worker did: saved files and failed prompts (read by tests and by the final log line).</summary>
public sealed class WorkerReport
{
    /// <summary>Files saved.</summary>
    public ConcurrentQueue<string> Saved { get; } = new();

    /// <summary>Prompts that failed, with why.</summary>
    public ConcurrentQueue<(string Prompt, string Reason)> Failed { get; } = new();
}
