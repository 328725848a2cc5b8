#!/usr/bin/env -S dotnet run
// Make a 5-second video, then extend it: the second video starts where the first one ends.
//   dotnet run samples/scripts/extend-video.cs -- ["waves rolling onto a beach at sunset"] [--then "the camera rises over the cliffs"]
//   dotnet run samples/scripts/extend-video.cs -- --from <generation id> --then "…"   (extend a video you already have)
// An extension names the earlier generation as video.start_frame (ImageRef.FromGeneration); the API allows this for
// 5-second videos of your own account. Without LUMA_AGENTS_API_KEY: the built-in simulator (nothing is billed).
#:project ../../src/LumaAgents/LumaAgents.csproj
#:project ../../src/LumaAgents.Testing/LumaAgents.Testing.csproj
using LumaAgents;
using LumaAgents.Testing;

string? from = null;
var then = "the camera rises over the cliffs";
var outputFolder = "luma-output";
var words = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--from" when i + 1 < args.Length: from = args[++i]; break;
        case "--then" when i + 1 < args.Length: then = args[++i]; break;
        case "--out" when i + 1 < args.Length: outputFolder = args[++i]; break;
        default: words.Add(args[i]); break;
    }
}

var prompt = words.Count > 0 ? string.Join(' ', words) : "waves rolling onto a beach at sunset";

// No key: run against the simulator on 127.0.0.1, and poll it at its own pace, not the real API's 30 s first poll.
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
    var progress = new InlineProgress<Generation>(g => Console.WriteLine($"  {g.Id}: {g.State}"));

    // Extensions are 5 s only; keep the first video 5 s too so the pair plays as one 10 s shot.
    var fiveSeconds = new VideoOptions { Duration = VideoDuration.Seconds5, Resolution = VideoResolution.Resolution720p };
    Generation first;
    if (from is null)
    {
        Console.WriteLine($"Video 1: \"{prompt}\"");
        first = await client.Generations.CreateAndWaitAsync(GenerationRequest.CreateVideo(prompt, fiveSeconds, AspectRatio.Ratio16x9), wait, progress);
        foreach (var file in await client.Generations.SaveOutputsAsync(first, outputFolder))
        {
            Console.WriteLine($"Saved {file}");
        }
    }
    else
    {
        first = await client.Generations.GetAsync(from);
    }

    Console.WriteLine($"Video 2, extending {first.Id}: \"{then}\"");
    var extension = GenerationRequest.CreateVideo(then, fiveSeconds with { StartFrame = ImageRef.FromGeneration(first) }, AspectRatio.Ratio16x9);
    var second = await client.Generations.CreateAndWaitAsync(extension, wait, progress);
    foreach (var file in await client.Generations.SaveOutputsAsync(second, outputFolder))
    {
        Console.WriteLine($"Saved {file}");
    }

    return 0;
}
catch (LumaException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
