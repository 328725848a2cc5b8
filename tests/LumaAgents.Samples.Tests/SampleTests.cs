using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using LumaAgents.Samples.AspNetCore;
using LumaAgents.Samples.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LumaAgents.Samples.Tests;

/// <summary>Each sample runs end to end with no API key, against its built-in simulator.</summary>
[Collection(SamplesCollection.Name)]
public sealed class SampleTests : IDisposable
{
    private readonly string? _savedKey = Environment.GetEnvironmentVariable("LUMA_AGENTS_API_KEY");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "luma-samples-" + Guid.NewGuid().ToString("N"));

    public SampleTests()
    {
        // The samples must take their simulator path: never the real, billed API.
        Environment.SetEnvironmentVariable("LUMA_AGENTS_API_KEY", null);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("LUMA_AGENTS_API_KEY", _savedKey);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Quickstart_creates_waits_and_saves_an_image_and_a_video()
    {
        var entry = Assembly.Load("Quickstart").EntryPoint!;
        var previous = Directory.GetCurrentDirectory();
        Directory.CreateDirectory(_folder);
        Directory.SetCurrentDirectory(_folder);
        try
        {
            // The entry point of top-level statements is a synchronous Main around the async body.
            var image = await Task.Run(() => (int)entry.Invoke(null, [new[] { "a red fox" }])!);
            var video = await Task.Run(() => (int)entry.Invoke(null, [new[] { "--video", "waves" }])!);

            Assert.Equal(0, image);
            Assert.Equal(0, video);
            var files = Directory.GetFiles(Path.Combine(_folder, "luma-output")).Select(f => Path.GetExtension(f)!).Order().ToArray();
            Assert.Equal([".mp4", ".png"], files);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task The_web_sample_answers_real_http_calls_on_loopback()
    {
        await using var app = await ImagesApp.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--Simulator:QueuedFor", "00:00:00", "--Simulator:ProcessingFor", "00:00:01",
            "--LumaAgents:ImageWait:InitialDelay", "00:00:00", "--LumaAgents:ImageWait:PollInterval", "00:00:00.5",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var created = await http.PostAsJsonAsync("/images", new { prompt = "a red fox", aspect_ratio = "16:9" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var now = await (await http.GetAsync($"/images/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, now.GetProperty("id").GetString());

        var result = await http.GetAsync($"/images/{id}/result?timeoutSeconds=30");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var done = await result.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.StartsWith("http://127.0.0.1", done.GetProperty("output")[0].GetProperty("url").GetString());

        var invalid = await http.PostAsJsonAsync("/images", new { prompt = "", aspect_ratio = "21:9" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("prompt", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("aspect_ratio", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/images/00000000-0000-4000-8000-000000000000")).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task The_worker_drains_its_queue_within_the_concurrent_jobs_limit_and_stops()
    {
        var prompts = Path.Combine(_folder, "prompts.txt");
        Directory.CreateDirectory(_folder);
        File.WriteAllLines(prompts, ["one", "two", "three", "four", "five", "six [fail:content_moderated]"]);
        using var host = await WorkerApp.BuildAsync(
        [
            "--Worker:PromptsFile", prompts, "--Worker:OutputDirectory", Path.Combine(_folder, "out"), "--Worker:MaxParallel", "4",
            "--Simulator:QueuedFor", "00:00:00", "--Simulator:ProcessingFor", "00:00:00.5", "--Simulator:MaxConcurrentJobs", "2",
            "--LumaAgents:ImageWait:InitialDelay", "00:00:00", "--LumaAgents:ImageWait:PollInterval", "00:00:00.5",
        ]);

        var report = host.Services.GetRequiredService<WorkerReport>();

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(5, report.Saved.Count);
        Assert.All(report.Saved, f => Assert.True(File.Exists(f)));
        var failed = Assert.Single(report.Failed);
        Assert.Contains("content_moderated", failed.Reason);
    }
}
