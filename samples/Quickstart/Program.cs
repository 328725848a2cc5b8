// Quickstart: create an image (or a video with --video), wait for it with progress, and save the output.
//   dotnet run --project samples/Quickstart -- "a lighthouse at dawn, oil painting"
//   dotnet run --project samples/Quickstart -- --video "waves rolling onto a beach at sunset"
//   dotnet run --project samples/Quickstart -- --resume <generation id>      (wait again for a job, and save it)
// With LUMA_AGENTS_API_KEY set this calls the real API (and is billed); without it, it runs against the
// built-in simulator (FakeLumaServer) on 127.0.0.1 and says so. Outputs are saved to ./luma-output.
// Ctrl-C stops waiting at once and prints the generation's id and how to resume; the job itself goes on.
// Exit codes (as the luma CLI's): 0 saved, 1 other error, 2 invalid request or arguments, 3 key refused,
// 4 not found, 5 rate limited, 6 generation failed, 7 timed out, 130 stopped by Ctrl-C.
using LumaAgents;
using LumaAgents.Testing;

var video = args.Contains("--video");
var resumeAt = Array.IndexOf(args, "--resume");
if (resumeAt >= 0 && resumeAt + 1 >= args.Length)
{
    Console.Error.WriteLine("--resume needs the generation id to wait for: --resume <generation id>.");
    return 2;
}

var resumeId = resumeAt >= 0 ? args[resumeAt + 1] : null;
var words = args.Where((a, i) => a != "--video" && (resumeAt < 0 || (i != resumeAt && i != resumeAt + 1))).ToArray();
var prompt = words.Length > 0 ? string.Join(' ', words) : video ? "waves rolling onto a beach at sunset" : "a lighthouse at dawn, oil painting";

// Ctrl-C cancels the wait; the job keeps running on the server, so we print its id. A second Ctrl-C quits at once.
using var stop = new CancellationTokenSource();
string? generationId = resumeId;
var creating = false;
Console.CancelKeyPress += (_, e) =>
{
    if (stop.IsCancellationRequested)
    {
        return; // the second Ctrl-C: let the runtime end the process
    }

    e.Cancel = true;
    stop.Cancel();
    if (Volatile.Read(ref creating))
    {
        Console.Error.WriteLine("Stopping as soon as the create call answers, so the generation's id is not lost (Ctrl-C again to quit now).");
    }
};

var useSimulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable));
FakeLumaServer? simulator = null;
try
{
    var options = new LumaClientOptions();
    if (useSimulator)
    {
        // How long a simulated generation takes (default 3 s); make it longer to try Ctrl-C.
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("LUMA_QUICKSTART_SIMULATED_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 1 ? s : 3;
        simulator = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { QueuedFor = TimeSpan.FromSeconds(1), ProcessingFor = TimeSpan.FromSeconds(seconds - 1) });
        Console.WriteLine($"No LUMA_AGENTS_API_KEY set: using the built-in simulator at {simulator.BaseUrl} (nothing is billed).");
        options.ApiKey = simulator.ApiKey;
        options.BaseUrl = simulator.BaseUrl;

        // The simulator finishes in seconds; the real API's defaults (first poll after 20 s) would only slow the demo.
        options.ImageWait = options.ImageWait with { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1) };
        options.VideoWait = options.VideoWait with { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1) };
    }

    // Inside the try: a malformed key or base URL is a LumaConfigurationException with a clear message.
    using var client = new LumaClient(options);

    // InlineProgress, not Progress<T>: each state prints in order, before the wait returns or throws.
    var progress = new InlineProgress<Generation>(g => Console.WriteLine($"  {g.State}"));
    Generation done;
    if (resumeId is null)
    {
        var request = video
            ? GenerationRequest.CreateVideo(prompt, new VideoOptions { Duration = VideoDuration.Seconds5, Resolution = VideoResolution.Resolution720p }, AspectRatio.Ratio16x9)
            : GenerationRequest.CreateImage(prompt, AspectRatio.Ratio16x9);
        Console.WriteLine($"Creating {(video ? "a video" : "an image")}: \"{prompt}\"");

        // Not cancelled by Ctrl-C: once sent, a create may be billed, so we wait for its answer (bounded by
        // LumaClientOptions.Timeout) and print the id rather than lose it.
        Volatile.Write(ref creating, true);
        var created = await client.Generations.CreateAsync(request, CancellationToken.None);
        Volatile.Write(ref creating, false);
        generationId = created.Id;
        Console.WriteLine($"Created generation {created.Id}");
        done = await client.Generations.WaitForCompletionAsync(created, progress: progress, cancellationToken: stop.Token);
    }
    else
    {
        Console.WriteLine($"Waiting for generation {resumeId}");
        done = await client.Generations.WaitForCompletionAsync(resumeId, progress: progress, cancellationToken: stop.Token);
    }

    var files = await client.Generations.SaveOutputsAsync(done, "luma-output", stop.Token);
    foreach (var file in files)
    {
        Console.WriteLine($"Saved {file} ({new FileInfo(file).Length:N0} bytes)");
    }

    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    if (generationId is null)
    {
        Console.Error.WriteLine("Stopped before anything was created.");
    }
    else
    {
        Console.Error.WriteLine($"Stopped waiting. Generation {generationId} is not lost (the job goes on on the server); to wait for it and save it:");
        Console.Error.WriteLine($"  dotnet run --project samples/Quickstart -- --resume {generationId}");
        if (useSimulator)
        {
            Console.Error.WriteLine("(Against the simulator the job ended with this process: with a real key it goes on.)");
        }
    }

    return 130;
}
catch (Exception error) when (error is LumaValidationException or LumaConfigurationException
    or LumaBadRequestException or LumaUnprocessableEntityException or LumaPayloadTooLargeException)
{
    // Found before sending (validation, configuration) or refused by the API: the request or the settings need fixing.
    Console.Error.WriteLine(error.Message);
    return 2;
}
catch (Exception error) when (error is LumaAuthenticationException or LumaPermissionDeniedException)
{
    Console.Error.WriteLine(error.Message);
    return 3;
}
catch (LumaNotFoundException error)
{
    Console.Error.WriteLine(error.Message);
    if (resumeId is not null && useSimulator)
    {
        Console.Error.WriteLine("(Without a key each run starts a new simulator, so ids from an earlier run do not exist in it.)");
    }

    return 4;
}
catch (LumaRateLimitException error)
{
    Console.Error.WriteLine(error.Message);
    return 5;
}
catch (GenerationFailedException error)
{
    Console.Error.WriteLine(error.Message);
    return 6;
}
catch (Exception error) when (error is GenerationTimeoutException or LumaTimeoutException)
{
    Console.Error.WriteLine(error.Message);
    if (generationId is not null)
    {
        Console.Error.WriteLine($"To wait again: dotnet run --project samples/Quickstart -- --resume {generationId}");
    }

    return 7;
}
catch (LumaException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
catch (Exception error) when (error is IOException or UnauthorizedAccessException)
{
    // Saving the output failed (disk full, no permission on ./luma-output).
    Console.Error.WriteLine($"Could not save the output: {error.Message}");
    if (generationId is not null)
    {
        Console.Error.WriteLine($"The generation is done; to save it again: dotnet run --project samples/Quickstart -- --resume {generationId}");
    }

    return 1;
}
finally
{
    if (simulator is not null)
    {
        await simulator.DisposeAsync();
    }
}
