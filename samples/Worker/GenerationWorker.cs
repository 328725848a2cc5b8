using Microsoft.Extensions.Options;

namespace LumaAgents.Samples.Worker;

/// <summary>
/// Drains the prompt queue: each prompt is created, waited for and saved, a few at a time. A failed prompt is logged
/// and skipped; when the queue is empty the host stops.
/// </summary>
public sealed class GenerationWorker(
    LumaClient luma, PromptQueue queue, WorkerReport report, IOptions<WorkerOptions> options, IHostApplicationLifetime lifetime, ILogger<GenerationWorker> logger)
    : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallel, CancellationToken = stoppingToken },
            async (prompt, ct) =>
            {
                try
                {
                    var done = await luma.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage(prompt), cancellationToken: ct);
                    foreach (var file in await luma.Generations.SaveOutputsAsync(done, settings.OutputDirectory, ct))
                    {
                        report.Saved.Enqueue(file);
                        logger.LogInformation("Saved {File} for \"{Prompt}\"", file, prompt);
                    }
                }
                catch (Exception e) when (e is LumaException or LumaValidationException)
                {
                    report.Failed.Enqueue((prompt, e.Message));
                    logger.LogError("\"{Prompt}\" failed: {Reason}", prompt, e.Message);
                }
            });

        logger.LogInformation("Queue drained: {Saved} file(s) saved, {Failed} prompt(s) failed.", report.Saved.Count, report.Failed.Count);
        lifetime.StopApplication();
    }
}
