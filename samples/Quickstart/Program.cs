// Quickstart: create an image, wait for it, print the output URL.
//   dotnet run --project samples/Quickstart -- "a lighthouse at dawn, oil painting"
// With LUMA_AGENTS_API_KEY set this calls the real API (and is billed); without it, it runs against the
// built-in simulator (FakeLumaServer) on 127.0.0.1 and says so.
using LumaAgents;
using LumaAgents.Testing;

var prompt = args.Length > 0 ? string.Join(' ', args) : "a lighthouse at dawn, oil painting";

await using var simulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable))
    ? await FakeLumaServer.StartAsync()
    : null;

var options = simulator is null
    ? new LumaClientOptions()
    : new LumaClientOptions { ApiKey = simulator.ApiKey, BaseUrl = simulator.BaseUrl };

if (simulator is not null)
{
    Console.WriteLine($"No LUMA_AGENTS_API_KEY set: using the built-in simulator at {simulator.BaseUrl} (nothing is billed).");
}

using var client = new LumaClient(options);

try
{
    var generation = await client.Generations.CreateAsync(GenerationRequest.Image(prompt, AspectRatio.Ratio16x9));
    Console.WriteLine($"Created generation {generation.Id} ({generation.State}). Waiting for it...");

    while (!generation.IsTerminal)
    {
        await Task.Delay(TimeSpan.FromSeconds(simulator is null ? 2 : 0.5));
        generation = await client.Generations.GetAsync(generation.Id);
        Console.WriteLine($"  {generation.State}");
    }

    if (generation.IsFailed)
    {
        Console.Error.WriteLine($"Generation failed: {generation.FailureCode} {generation.FailureReason}");
        return 1;
    }

    foreach (var output in generation.Output)
    {
        // The URL is presigned; print only its path part so the signature does not end up in terminal logs.
        Console.WriteLine($"Done: {output.Type} at {output.Url?.GetLeftPart(UriPartial.Path)}");
    }

    return 0;
}
catch (LumaException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
