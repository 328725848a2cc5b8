#!/usr/bin/env -S dotnet run
// Edit a local image with a prompt and save the result:
//   dotnet run samples/scripts/edit-image.cs -- [photo.png] ["make it a winter night, snow falling"] [--out edits]
// The image defaults to lighthouse.png beside this script. JPEG, PNG, WebP or a still GIF, at most 50 MB; it is sent
// inline as base64 (ImageRef.FromFile reads it when the request is built). Without LUMA_AGENTS_API_KEY: the simulator.
#:project ../../src/LumaAgents/LumaAgents.csproj
#:project ../../src/LumaAgents.Testing/LumaAgents.Testing.csproj
using LumaAgents;
using LumaAgents.Testing;

var image = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "lighthouse.png");
var words = new List<string>();
var outputFolder = "luma-output";
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        outputFolder = args[++i];
    }
    else if (i == 0 && File.Exists(args[i]))
    {
        image = args[i];
    }
    else
    {
        words.Add(args[i]);
    }
}

var prompt = words.Count > 0 ? string.Join(' ', words) : "make it a winter night, snow falling";

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

    // The media type comes from the extension (.png, .jpg, .webp, .gif); pass it as the second argument otherwise.
    var request = GenerationRequest.CreateImageEdit(prompt, ImageRef.FromFile(image));
    var created = await client.Generations.CreateAsync(request);
    Console.WriteLine($"Editing {image} as generation {created.Id}: \"{prompt}\"");

    var done = await client.Generations.WaitForCompletionAsync(created, wait, new InlineProgress<Generation>(g => Console.WriteLine($"  {g.State}")));
    foreach (var file in await client.Generations.SaveOutputsAsync(done, outputFolder))
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
catch (Exception error) when (error is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Could not read {image} or save the result: {error.Message}");
    return 1;
}
