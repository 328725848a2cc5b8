using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Input;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary>The steps the generation commands share: build, dry-run, create (never losing the id), wait, save, finish.</summary>
internal static class GenerationFlow
{
    public static GenerationRequest BuildRequest(CliContext context, RequestInputs inputs)
    {
        var body = new RequestAssembler(context.Environment).Assemble(context.Parse, inputs);
        return RequestAssembler.ToRequest(body);
    }

    /// <summary><c>--dry-run</c>: the request as it would go on the wire, checked like a real create.</summary>
    public static int DryRun(CliContext context, GenerationRequest request, bool validate, LocalUploads? uploads = null)
    {
        if (validate && request.Validate() is { Count: > 0 } errors)
        {
            throw new LumaValidationException(errors);
        }

        foreach (var line in uploads?.Describe() ?? [])
        {
            context.Notices.Write("--dry-run: " + line + " (its file_id stands in the request as a placeholder)");
        }

        context.Output.WriteResult(GenerationDocument.From(request));
        return ExitCodes.Success;
    }

    /// <summary>
    /// Creates the generation and records it in the ledger at once (its id goes on screen), with the command that
    /// resumes it. Returns the simulator's ready-in time when the server is <c>luma simulator</c>.
    /// </summary>
    public static async Task<(Generation Created, TimeSpan? ReadyIn)> CreateAsync(
        CliContext context, LumaSession session, GenerationRequest request, Func<string, string> resumeCommand, CancellationToken cancellationToken)
    {
        context.Jobs.CreateStarted();
        LumaResponse<Generation> response;
        try
        {
            response = await session.Generations.CreateWithResponseAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Refused or failed: no job (a create that may have gone through says so in its own message).
            context.Jobs.CreateEnded();
            throw;
        }

        context.Jobs.Created(response.Value, resumeCommand(response.Value.Id));
        return (response.Value, SimulatorTiming.ReadyIn(response.Headers));
    }

    /// <summary>Reads a generation first (resuming by id), adapting the wait to the simulator's timing when it answers.</summary>
    public static async Task<(Generation Known, WaitOptions Options)> ReadForWaitAsync(CliContext context, LumaSession session, string generationId, WaitOptions given, CancellationToken cancellationToken)
    {
        var response = await session.Generations.GetWithResponseAsync(generationId, cancellationToken).ConfigureAwait(false);
        var known = response.Value;
        var sinceCreated = known.CreatedAt is { } created ? context.Environment.TimeProvider.GetUtcNow() - created : TimeSpan.Zero;
        return (known, SimulatorTiming.Adapt(given, SimulatorTiming.ReadyIn(response.Headers), sinceCreated));
    }

    /// <summary>
    /// Creates and waits under one progress display, so a rate-limit wait on the create already shows the spinner
    /// and its elapsed time; a failed generation is returned (the options say not to throw).
    /// </summary>
    public static Task<Generation> CreateAndWaitAsync(
        CliContext context, LumaSession session, GenerationRequest request, Func<string, string> resumeCommand, WaitOptions waitOptions, string initialStatus, CancellationToken cancellationToken)
        => new ProgressDisplay(context.Environment, context.Output, context.Notices).RunAsync(
            initialStatus,
            async reporter =>
            {
                var (created, readyIn) = await CreateAsync(context, session, request, resumeCommand, cancellationToken).ConfigureAwait(false);
                return await session.Generations.WaitForCompletionAsync(
                    created, SimulatorTiming.Adapt(waitOptions, readyIn, TimeSpan.Zero), reporter, cancellationToken).ConfigureAwait(false);
            });

    /// <summary>Waits with progress on stderr; a failed generation is returned (the options say not to throw).</summary>
    public static Task<Generation> WaitAsync(CliContext context, LumaSession session, Generation known, WaitOptions options, CancellationToken cancellationToken)
        => new ProgressDisplay(context.Environment, context.Output, context.Notices).RunAsync(
            $"waiting for generation {known.Id}",
            reporter => session.Generations.WaitForCompletionAsync(known, options, reporter, cancellationToken));

    /// <summary>
    /// Saves the outputs of a completed generation (all, or the one at <paramref name="index"/>) with the SDK's safe
    /// names, <c>&lt;id&gt;_&lt;n&gt;.&lt;ext&gt;</c>, never overwriting a file. If saving fails the generation is still printed,
    /// and the error names the command that saves it later.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SaveAsync(CliContext context, LumaSession session, Generation generation, OutputFolder folder, int? index, CancellationToken cancellationToken)
    {
        var resume = $"luma generations download {generation.Id} {folder.Flag}" + (index is { } n ? $" --index {n}" : string.Empty);
        context.Jobs.Track(generation.Id, resume);
        if (index is { } wanted && (wanted < 0 || wanted >= generation.Output.Count))
        {
            throw new CliException(
                $"--index {wanted}: generation {generation.Id} has {generation.Output.Count} output(s), numbered from 0.",
                generation.Output.Count > 0 ? $"use --index 0 to {generation.Output.Count - 1}, or leave it out to save them all" : null);
        }

        try
        {
            var count = index is null ? generation.Output.Count : 1;
            context.Notices.Write($"saving {count} output(s) of generation {generation.Id} to {folder.FullPath}");
            IReadOnlyList<string> files = index is { } one
                ? [await session.Generations.SaveOutputAsync(generation, one, folder.FullPath, cancellationToken).ConfigureAwait(false)]
                : await session.Generations.SaveOutputsAsync(generation, folder.FullPath, cancellationToken).ConfigureAwait(false);
            foreach (var file in files)
            {
                context.Environment.Error.WriteLine("saved " + file);
            }

            return files;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The job is done and billed: print it even so, the error below says how to save it later.
            context.Output.WriteResult(GenerationDocument.From(generation));
            throw;
        }
    }

    /// <summary>Prints the final generation (failed ones too, for scripts), then exits 6 if it failed.</summary>
    public static int Finish(CliContext context, Generation generation, IReadOnlyList<string>? files = null)
    {
        context.Jobs.Done();
        var document = GenerationDocument.From(generation);
        if (files is not null && generation.IsCompleted)
        {
            document["files"] = new JsonArray([.. files.Select(f => (JsonNode?)JsonValue.Create(f))]);
        }

        context.Output.WriteResult(document);
        if (generation.IsFailed)
        {
            return context.Reporter().Report(new GenerationFailedException(generation));
        }

        return ExitCodes.Success;
    }
}
