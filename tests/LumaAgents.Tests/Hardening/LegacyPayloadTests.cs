using System.Net;
using System.Text.Json;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hardening;

/// <summary>The older shapes seen through proxies (../shared/reference/examples) parse, and their outputs can be saved.</summary>
public sealed class LegacyPayloadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "luma-legacy-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Examples => new() { "dream-machine-generation.json", "kkiai-task.json" };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task An_example_payload_parses_and_its_outputs_save_through_the_sdk(string example)
    {
        var json = File.ReadAllText(ExamplePath(example));
        var generation = JsonSerializer.Deserialize(json, Serialization.LumaJsonContext.Default.Generation)!;
        var storage = new ScriptedHandler((request, _, _) =>
        {
            var content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]);
            content.Headers.TryAddWithoutValidation("Content-Type", request.RequestUri!.AbsolutePath.EndsWith(".mp4", StringComparison.Ordinal) ? "video/mp4" : "image/png");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        using var client = DownloadHardeningTests.ClientWithStorage(storage, TimeProvider.System);

        Assert.NotEmpty(generation.Output);
        var saved = await client.Generations.SaveOutputsAsync(generation with { State = GenerationState.Completed }, _folder);

        Assert.Equal(generation.Output.Count, saved.Count);
        Assert.All(saved, path => Assert.True(File.Exists(path)));
        Assert.All(storage.Requests, r => Assert.False(r.Headers.Contains("Authorization")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string ExamplePath(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "reference", "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"../shared/reference/examples/{name} not found above {AppContext.BaseDirectory}; the shared folder must sit beside the repository.");
    }
}
