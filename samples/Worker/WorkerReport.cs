using System.Collections.Concurrent;

namespace LumaAgents.Samples.Worker;

/// <summary>What the worker did: saved files, failed prompts, jobs left running (read by tests and for the exit code).</summary>
public sealed class WorkerReport
{
    /// <summary>Files saved.</summary>
    public ConcurrentQueue<string> Saved { get; } = new();

    /// <summary>Prompts that failed, with why.</summary>
    public ConcurrentQueue<(string Prompt, string Reason)> Failed { get; } = new();

    /// <summary>Generations created but not saved because the worker was stopped; they go on on the server.</summary>
    public ConcurrentQueue<(string Prompt, string GenerationId)> Unfinished { get; } = new();

    /// <summary>Whether the worker was stopped (SIGTERM, Ctrl-C) before the queue was drained.</summary>
    public bool Stopped { get; set; }

    /// <summary>
    /// The process exit code: 0 when every prompt was saved; 1 when a prompt failed; 143 (128 + SIGTERM) when the
    /// worker was stopped before the queue was drained, even by Ctrl-C: work was left undone either way.
    /// </summary>
    public int ExitCode => Stopped ? WorkerExitCodes.Stopped : Failed.IsEmpty ? WorkerExitCodes.Success : WorkerExitCodes.PromptsFailed;
}
