using System.Text.RegularExpressions;
using LumaAgents.Samples.Tests.Support;
using LumaAgents.Samples.Worker;

namespace LumaAgents.Samples.Tests;

/// <summary>The worker sample: drains its queue, says what failed through its exit code, and stops gracefully.</summary>
[Collection(SamplesCollection.Name)]
public sealed partial class WorkerSampleTests : InProcessSampleTest
{
    private static readonly string[] FastSimulator =
    [
        "--Simulator:QueuedFor", "00:00:00", "--Simulator:ProcessingFor", "00:00:00.5", "--Simulator:MaxConcurrentJobs", "2",
        "--LumaAgents:ImageWait:InitialDelay", "00:00:00", "--LumaAgents:ImageWait:PollInterval", "00:00:00.5",
    ];

    [Fact]
    public async Task The_worker_drains_its_queue_and_exits_1_when_a_prompt_failed()
    {
        var prompts = Path.Combine(Folder, "prompts.txt");
        var output = Path.Combine(Folder, "out");
        File.WriteAllLines(prompts, ["one", "two", "three", "four", "five", "six [fail:content_moderated]"]);

        var exit = await WorkerApp.RunAsync(["--Worker:PromptsFile", prompts, "--Worker:OutputDirectory", output, .. FastSimulator]);

        Assert.Equal(WorkerExitCodes.PromptsFailed, exit);
        Assert.Equal(5, Directory.GetFiles(output, "*.png").Length);
    }

    [Fact]
    public async Task The_worker_exits_0_when_every_prompt_was_saved()
    {
        var prompts = Path.Combine(Folder, "prompts.txt");
        File.WriteAllLines(prompts, ["one", "", "  two  "]);

        var exit = await WorkerApp.RunAsync(["--Worker:PromptsFile", prompts, "--Worker:OutputDirectory", Path.Combine(Folder, "out"), .. FastSimulator]);

        Assert.Equal(WorkerExitCodes.Success, exit);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Folder, "out"), "*.png").Length);
    }

    [Fact]
    public async Task A_missing_prompts_file_is_a_clear_message_and_exit_2_without_a_stack_trace()
    {
        using var worker = ChildProcess.StartSample("Worker", "--Worker:PromptsFile", Path.Combine(Folder, "no-such-prompts.txt"));

        var exit = await worker.WaitForExitAsync();

        Assert.Equal(WorkerExitCodes.BadSettings, exit);
        Assert.Contains(worker.Lines, l => l.Contains("Worker:PromptsFile") && l.Contains("no-such-prompts.txt") && l.Contains("was not found"));
        Assert.DoesNotContain(worker.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception"));
    }

    [Fact]
    public async Task Sigterm_stops_the_worker_gracefully_with_every_running_job_id_in_the_log()
    {
        var prompts = Path.Combine(Folder, "prompts.txt");
        File.WriteAllLines(prompts, ["one", "two", "three", "four"]);
        using var worker = ChildProcess.StartSample(
            "Worker",
            "--Worker:PromptsFile", prompts, "--Worker:OutputDirectory", Path.Combine(Folder, "out"), "--Worker:MaxParallel", "2",
            "--Simulator:ProcessingFor", "01:00:00"); // jobs that will not finish while the test runs

        // Two jobs running (MaxParallel 2), two prompts waiting: now the service manager stops us.
        var ids = new HashSet<string>();
        while (ids.Count < 2)
        {
            var line = await worker.WaitForLineAsync(l => CreatedLine().IsMatch(l) && !ids.Contains(CreatedLine().Match(l).Groups[1].Value), "a second \"Created generation\"");
            ids.Add(CreatedLine().Match(line).Groups[1].Value);
        }

        worker.Signal(PosixSignalNumber.Terminate);
        var exit = await worker.WaitForExitAsync();

        Assert.Equal(WorkerExitCodes.Stopped, exit);
        foreach (var id in ids)
        {
            Assert.Contains(worker.Lines, l => l.Contains($"Stopped before generation {id}") && l.Contains($"WaitForCompletionAsync(\"{id}\")"));
        }

        var summary = Assert.Single(worker.Lines, l => l.Contains("Stopped before the queue was drained"));
        Assert.All(ids, id => Assert.Contains(id, summary));
        Assert.Contains("2 prompt(s) not started", summary);
        Assert.DoesNotContain(worker.Lines, l => l.Contains("Unhandled exception"));
    }

    [GeneratedRegex(@"Created generation ([0-9a-f-]{36})")]
    private static partial Regex CreatedLine();
}
