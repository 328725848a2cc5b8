using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// The generation this invocation created (and so billed), and the command that picks it up again. Recording it
/// prints its id at once on a line that stays on the screen; every error report afterwards repeats it with the
/// resume command, so no path (Ctrl+C, SIGTERM, a timeout, a failed save, a crash) loses a billed job.
/// </summary>
internal sealed class JobLedger
{
    private readonly Notices _notices;
    private readonly List<(string Label, string FileId)> _uploaded = [];

    public JobLedger(Notices notices) => _notices = notices;

    /// <summary>The created generation's id, or null before a create succeeded.</summary>
    public string? GenerationId { get; private set; }

    /// <summary>The command that resumes the job where this invocation left it.</summary>
    public string? ResumeCommand { get; private set; }

    /// <summary>Whether a create request is on its way (stopping now leaves its outcome unknown).</summary>
    public bool CreateInFlight { get; private set; }

    /// <summary>Marks the start of a create; <see cref="Created"/> or <see cref="CreateEnded"/> ends it.</summary>
    public void CreateStarted() => CreateInFlight = true;

    /// <summary>The create ended without a generation (refused, or the request failed).</summary>
    public void CreateEnded() => CreateInFlight = false;

    public void Created(Generation generation, string resumeCommand)
    {
        CreateInFlight = false;
        CreatedHere = true;
        GenerationId = generation.Id;
        ResumeCommand = resumeCommand;
        _notices.Write($"created generation {generation.Id} ({generation.State.Value})");
    }

    /// <summary>Whether this invocation created the generation (rather than resuming one by id).</summary>
    public bool CreatedHere { get; private set; }

    /// <summary>
    /// The generation this invocation works on and the command that finishes the job from here (created here or not):
    /// outputs to save rather than to wait for, or a wait resumed by id.
    /// </summary>
    public void Track(string generationId, string resumeCommand)
    {
        GenerationId = generationId;
        ResumeCommand = resumeCommand;
    }

    /// <summary>The local inputs this invocation uploaded (label and file id), repeated by every error report afterwards.</summary>
    public IReadOnlyList<(string Label, string FileId)> UploadedFiles => _uploaded;

    /// <summary>A local input was uploaded as a file (its id is already on screen).</summary>
    public void Uploaded(string label, string fileId) => _uploaded.Add((label, fileId));

    /// <summary>The job is finished and reported: nothing more to resume.</summary>
    public void Done() => ResumeCommand = null;
}
