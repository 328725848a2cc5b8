namespace LumaAgents.Samples.Worker;

/// <summary>The worker's exit codes, so a scheduler (cron, systemd, a Kubernetes Job) can tell what happened.</summary>
public static class WorkerExitCodes
{
    /// <summary>Every prompt was created, completed and saved.</summary>
    public const int Success = 0;

    /// <summary>At least one prompt failed (the log says which and why); the others were saved.</summary>
    public const int PromptsFailed = 1;

    /// <summary>The settings are unusable (for example the prompts file does not exist); nothing was sent.</summary>
    public const int BadSettings = 2;

    /// <summary>Stopped (SIGTERM, Ctrl-C) before the queue was drained; the log lists the generations left running.</summary>
    public const int Stopped = 143;
}
