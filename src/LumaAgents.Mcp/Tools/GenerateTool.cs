using System.Globalization;
using LumaAgents.Mcp.Flows;
using LumaAgents.Mcp.Input;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary>
/// <c>generate</c>: create, wait and download in one call. Everything that can be checked is checked before the
/// billed create (the request, the media, the output folder); after it, no failure loses the job's id.
/// </summary>
internal sealed class GenerateTool : LumaTool
{
    public const string Name = "generate";

    private static readonly string[] ToolOnly = ["timeout_seconds", "directory", "include_images"];

    public GenerateTool(ToolContext context)
        : base(context, Define(context))
    {
    }

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var prepared = await GenerationRequestReader.ReadAsync(call.Arguments, ToolOnly, Context.Folders, cancellationToken).ConfigureAwait(false);
        var folder = OutputSaver.ResolveFolder(Context, call.String("directory"));

        await using var progress = new ProgressReporter(call.Request.Server, call.Request.Params?.ProgressToken, Context.Logger);
        var (created, failed) = await CreateGenerationTool.UploadAndCreateAsync(Context, prepared, progress, cancellationToken).ConfigureAwait(false);
        if (failed is not null)
        {
            return failed;
        }

        return CreateGenerationTool.WithUploads(await WaitAndSaveAsync(call, created!, folder, progress, prepared.Uploads, cancellationToken).ConfigureAwait(false), prepared.Uploads);
    }

    /// <summary>Everything after the billed create: from here on, no failure loses the job's id.</summary>
    private async Task<ToolOutcome> WaitAndSaveAsync(
        ToolCall call, LumaResponse<Generation> created, string folder, ProgressReporter progress, MediaUploads uploads, CancellationToken cancellationToken)
    {
        var id = created.Value.Id;
        Context.Logger.LogCreated(id);
        progress.Report($"Created generation {id}{(Context.Backend.Simulated ? " (simulated)" : " (billed)")}; waiting for it");

        WaitResult waited;
        try
        {
            waited = await GenerationWait.RunAsync(Context, id, created.Value, call.Seconds("timeout_seconds"), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ToolErrors.Describe(e, created.Value, $"The job {id} was created and keeps running: call wait_for_generation with generation_id \"{id}\", then download_outputs.");
        }

        if (waited.TimedOut || waited.Last is not { IsCompleted: true } completed)
        {
            var outcome = WaitForGenerationTool.Describe(waited);
            Complete(outcome, created, waited, folder, []);
            if (!outcome.IsError)
            {
                outcome.Structured["next_step"] = outcome.Structured["next_step"]!.GetValue<string>() + $" Once it has completed, call download_outputs with generation_id \"{id}\" and directory \"{folder}\" to save the files.";
            }

            return outcome;
        }

        IReadOnlyList<SavedOutput> saved;
        try
        {
            saved = await OutputSaver.SaveAsync(Context, completed, folder, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ToolErrors.Describe(e, completed, $"The job {id} completed; call download_outputs with generation_id \"{id}\" to save its outputs (each call fetches fresh URLs).");
        }

        progress.Report(string.Create(CultureInfo.InvariantCulture, $"Saved {saved.Count} file(s) of generation {id} into {folder}"));
        var result = new ToolOutcome(GenerationView.From(completed, $"Done: the outputs are saved in {folder} (see files)." + uploads.Note()));
        Complete(result, created, waited, folder, saved);
        await OutputSaver.AddContentAsync(result, id, saved, call.Boolean("include_images") ?? true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private void Complete(ToolOutcome outcome, LumaResponse<Generation> created, WaitResult waited, string folder, IReadOnlyList<SavedOutput> saved)
    {
        var target = outcome.IsError ? outcome.Structured["generation"]!.AsObject() : outcome.Structured;
        CreateGenerationTool.AddCreateFacts(target, created.RequestId, created.RateLimit, billed: !Context.Backend.Simulated);
        target["waited_seconds"] = Math.Round(waited.Waited.TotalSeconds, 1);
        target["timed_out"] = waited.TimedOut;
        target["directory"] = folder;
        target["files"] = OutputSaver.Describe(saved);
    }

    private static ToolDefinition Define(ToolContext context) => new(
        Name,
        "Generate an image or video and save it",
        "Creates a Luma generation, waits for it and saves its outputs into a local folder, in one call: for agents that want the file. "
        + CreateGenerationTool.BillingNote + " "
        + "Takes as long as the generation: images usually 15–60 s (uni-1-max about twice that), video 1–10 minutes, bounded by timeout_seconds; "
        + "pass a timeout below your client's request timeout (many clients give up after 60 s). If the wait times out the result is not an "
        + "error: it has the id, timed_out true, and says how to resume (wait_for_generation, then download_outputs). Files are saved with safe "
        + "names (<id>_<index>.<ext>, never overwriting) into directory, which must be inside the allowed folders: " + context.Folders.Describe()
        + ". The result lists the files and links them as resources; small images (up to 1 MB) also come back as image content. "
        + "Takes every option of create_generation (local inputs over " + (FileLimits.AutoUploadAboveBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)
        + " MB are first uploaded through the Files API and listed in uploaded_inputs), plus timeout_seconds, directory and include_images.",
        Object(
            null,
            [
                .. GenerationSchemas.RequestProperties(),
                ("timeout_seconds", Number($"The longest to wait for the generation, 1–{GenerationWait.MaxTimeoutSeconds} s (default: the model's own deadline).", 1, GenerationWait.MaxTimeoutSeconds)),
                ("directory", String("Where to save the outputs: a folder inside the allowed folders, absolute or relative to the first one (default: the first one). Created if missing.")),
                ("include_images", Boolean("Also return small images (up to 1 MB each) as image content (default true)."))
            ]),
        Object(null, GenerationSchemas.GenerationProperties())
            .With(CreateGenerationTool.CreateProperties())
            .With(WaitForGenerationTool.WaitProperties())
            .With(
                ("directory", String("The folder the outputs were (or will be) saved in.")),
                ("files", Array(OutputSaver.FileSchema(), "The saved files; empty when the wait timed out.")))
            .Require([.. GenerationSchemas.GenerationRequired(), "request_id", "rate_limit", "billed", "uploaded_inputs", "waited_seconds", "timed_out", "directory", "files"]),
        new ToolAnnotations { Title = "Generate and save", ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true });
}
