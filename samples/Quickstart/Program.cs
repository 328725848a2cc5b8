// Quickstart: create an image (or a video with --video), wait for it with progress, and save the output.
//   dotnet run --project samples/Quickstart -- "a lighthouse at dawn, oil painting"
//   dotnet run --project samples/Quickstart -- --video "waves rolling onto a beach at sunset"
// With LUMA_AGENTS_API_KEY set this calls the real API (and is billed); without it, it runs against the
// built-in simulator (FakeLumaServer) on 127.0.0.1 and says so. Outputs are saved to ./luma-output.
using LumaAgents;
using LumaAgents.Testing;

var video = args.Contains("--video");
var words = args.Where(a => a != "--video").ToArray();
var prompt = words.Length > 0 ? string.Join(' ', words) : video ? "waves rolling onto a beach at sunset" : "a lighthouse at dawn, oil painting";

var useSimulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable));
await using var simulator = useSimulator
    ? await FakeLumaServer.StartAsync(new FakeLumaServerOptions { QueuedFor = TimeSpan.FromSeconds(1), ProcessingFor = TimeSpan.FromSeconds(2) })
    : null;

var options = new LumaClientOptions();
if (simulator is not null)
{
    Console.WriteLine($"No LUMA_AGENTS_API_KEY set: using the built-in simulator at {simulator.BaseUrl} (nothing is billed).");
    options.ApiKey = simulator.ApiKey;
    options.BaseUrl = simulator.BaseUrl;

    // The simulator finishes in seconds; the real API's defaults (first poll after 20 s) would only slow the demo.
    options.ImageWait = options.ImageWait with { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1) };
    options.VideoWait = options.VideoWait with { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1) };
}

using var client = new LumaClient(options);
var request = video
    ? GenerationRequest.CreateVideo(prompt, new VideoOptions { Duration = VideoDuration.Seconds5, Resolution = VideoResolution.Resolution720p }, AspectRatio.Ratio16x9)
    : GenerationRequest.CreateImage(prompt, AspectRatio.Ratio16x9);

try
{
    Console.WriteLine($"Creating {(video ? "a video" : "an image")}: \"{prompt}\"");
    var progress = new Progress<Generation>(g => Console.WriteLine($"  {g.Id}: {g.State}"));
    var generation = await client.Generations.CreateAndWaitAsync(request, progress: progress);

    var files = await client.Generations.SaveOutputsAsync(generation, "luma-output");
    foreach (var file in files)
    {
        Console.WriteLine($"Saved {file} ({new FileInfo(file).Length:N0} bytes)");
    }

    return 0;
}
catch (LumaValidationException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
catch (GenerationFailedException error)
{
    Console.Error.WriteLine(error.Message);
    return 6;
}
catch (LumaException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
