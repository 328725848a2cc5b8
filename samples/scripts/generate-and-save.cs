#!/usr/bin/env -S dotnet run
// Generate one image and save it:
//   dotnet run samples/scripts/generate-and-save.cs -- "a lighthouse at dawn, oil painting" [--aspect-ratio 16:9] [--out pictures]
// With LUMA_AGENTS_API_KEY set this calls the real API (billed); without it, the built-in simulator (nothing billed).
#:project ../../src/LumaAgents/LumaAgents.csproj
#:project ../../src/LumaAgents.Testing/LumaAgents.Testing.csproj
using LumaAgents;
using LumaAgents.Testing;

var words = new List<string>();
var aspectRatio = AspectRatio.Ratio16x9;
var outputFolder = "luma-output";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--aspect-ratio" when i + 1 < args.Length: aspectRatio = new AspectRatio(args[++i]); break;
        case "--out" when i + 1 < args.Length: outputFolder = args[++i]; break;
        default: words.Add(args[i]); break;
    }
}

var prompt = words.Count > 0 ? string.Join(' ', words) : "a lighthouse at dawn, oil painting";

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

try
{
    using var client = new LumaClient(options);
    var created = await client.Generations.CreateAsync(GenerationRequest.CreateImage(prompt, aspectRatio));
    Console.WriteLine($"Generation {created.Id}: \"{prompt}\" ({aspectRatio})");

    var done = await client.Generations.WaitForCompletionAsync(created, wait, new InlineProgress<Generation>(g => Console.WriteLine($"  {g.State}")));
    foreach (var file in await client.Generations.SaveOutputsAsync(done, outputFolder))
    {
        Console.WriteLine($"Saved {file}");
    }

    return 0;
}
catch (LumaException error)
{
    // Every SDK failure (a bad key, a refused request, a failed generation, a timeout) says what went wrong.
    Console.Error.WriteLine(error.Message);
    return 1;
}
