#!/usr/bin/env -S dotnet run
// Generate an image for every line of a text file, a few at a time, and save them all:
//   dotnet run samples/scripts/batch.cs -- [prompts.txt] [--parallel 2] [--out luma-output]
// The file defaults to prompts.txt beside this script. At most --parallel jobs run at once (keep it within your
// account's concurrent-jobs limit). Exits 1 if any prompt failed. Without LUMA_AGENTS_API_KEY: the built-in simulator.
#:project ../../src/LumaAgents/LumaAgents.csproj
#:project ../../src/LumaAgents.Testing/LumaAgents.Testing.csproj
using LumaAgents;
using LumaAgents.Testing;

var promptsFile = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "prompts.txt");
var parallel = 2;
var outputFolder = "luma-output";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--parallel" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: parallel = n; i++; break;
        case "--out" when i + 1 < args.Length: outputFolder = args[++i]; break;
        default: promptsFile = args[i]; break;
    }
}

if (!File.Exists(promptsFile))
{
    Console.Error.WriteLine($"No prompts file at {Path.GetFullPath(promptsFile)}: give a text file with one prompt per line.");
    return 2;
}

var prompts = File.ReadLines(promptsFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

// No key: run against the simulator on 127.0.0.1, and poll it at its own pace, not the real API's 20 s first poll.
await using var simulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable))
    ? await FakeLumaServer.StartAsync()
    : null;
var options = simulator is null ? new LumaClientOptions() : new LumaClientOptions { ApiKey = simulator.ApiKey, BaseUrl = simulator.BaseUrl };
WaitOptions? wait = simulator is null ? null : new WaitOptions { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(0.5) };
if (simulator is not null)
{
    Console.WriteLine($"No LUMA_AGENTS_API_KEY set: using the built-in simulator at {simulator.BaseUrl} (nothing is billed).");
}

// The client's job gate: CreateAndWaitAsync holds a job back until one of the running ones has finished, so the batch
// never has more than `parallel` jobs on the server (a SemaphoreSlim around each job would do the same).
options.MaxConcurrentJobs = parallel;
Console.WriteLine($"{prompts.Length} prompt(s) from {promptsFile}, {parallel} at a time.");
try
{
    using var client = new LumaClient(options);
    var outcomes = await Task.WhenAll(prompts.Select(async (prompt, index) =>
    {
        var label = $"[{index + 1}/{prompts.Length}]";
        try
        {
            var done = await client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage(prompt), wait);
            var files = await client.Generations.SaveOutputsAsync(done, outputFolder);
            Console.WriteLine($"{label} {done.Id} \"{prompt}\": saved {string.Join(", ", files)}");
            return true;
        }
        catch (LumaException error)
        {
            Console.Error.WriteLine($"{label} \"{prompt}\" failed: {error.Message}");
            return false;
        }
    }));

    var failed = outcomes.Count(ok => !ok);
    Console.WriteLine($"Done: {outcomes.Length - failed} saved, {failed} failed.");
    return failed == 0 ? 0 : 1;
}
catch (LumaConfigurationException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
