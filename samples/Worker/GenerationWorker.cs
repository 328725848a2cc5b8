using Microsoft.Extensions.Options;

namespace LumaAgents.Samples.Worker;

/// <summary>
/// Drains the prompt queue: each prompt is created, waited for and saved, <see cref="WorkerOptions.MaxParallel"/> at a
/// time. A failed prompt is logged and skipped. When the queue is empty, or the host is stopped (SIGTERM, Ctrl-C), the
/// host stops; a stop leaves the id of every job still running in the log, so nothing billed is lost.
/// </summary>
public sealed class GenerationWorker(
    LumaClient luma, PromptQueue queue, WorkerReport report, IOptions<WorkerOptions> options, IHostApplicationLifetime lifetime, ILogger<GenerationWorker> logger)
    : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await Parallel.ForEachAsync(
                queue.Reader.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallel, CancellationToken = stoppingToken },
                (prompt, ct) => new ValueTask(ProcessAsync(prompt, settings, ct)));
            logger.LogInformation("Queue drained: {Saved} file(s) saved, {Failed} prompt(s) failed.", report.Saved.Count, report.Failed.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            report.Stopped = true;
            logger.LogWarning(
                "Stopped before the queue was drained: {Saved} file(s) saved, {Failed} prompt(s) failed, {NotStarted} prompt(s) not started, {Unfinished} generation(s) left running on the server{Ids}.",
                report.Saved.Count, report.Failed.Count, queue.Reader.Count, report.Unfinished.Count,
                report.Unfinished.IsEmpty ? string.Empty : ": " + string.Join(", ", report.Unfinished.Select(u => u.GenerationId)));
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task ProcessAsync(string prompt, WorkerOptions settings, CancellationToken ct)
    {
        Generation created;
        try
        {
            // Not the stop token: once sent, a create may be billed, so its answer (bounded by LumaAgents:Timeout) is
            // awaited even during shutdown, and its id logged, rather than cancelled halfway and lost.
            created = await luma.Generations.CreateAsync(GenerationRequest.CreateImage(prompt), CancellationToken.None);
        }
        catch (LumaException e)
        {
            Fail(prompt, e.Message);
            return;
        }

        logger.LogInformation("Created generation {GenerationId} for \"{Prompt}\"", created.Id, prompt);
        try
        {
            var done = await luma.Generations.WaitForCompletionAsync(created, cancellationToken: ct);
            foreach (var file in await luma.Generations.SaveOutputsAsync(done, settings.OutputDirectory, ct))
            {
                report.Saved.Enqueue(file);
                logger.LogInformation("Saved {File} for \"{Prompt}\"", file, prompt);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            report.Unfinished.Enqueue((prompt, created.Id));
            logger.LogWarning(
                "Stopped before generation {GenerationId} (\"{Prompt}\") was saved. It keeps running on the server: resume with WaitForCompletionAsync(\"{GenerationId}\") and save it then.",
                created.Id, prompt, created.Id);
            throw;
        }
        catch (LumaException e)
        {
            Fail(prompt, e.Message);
        }
    }

    private void Fail(string prompt, string reason)
    {
        report.Failed.Enqueue((prompt, reason));
        logger.LogError("\"{Prompt}\" failed: {Reason}", prompt, reason);
    }
}
