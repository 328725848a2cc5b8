using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary><c>luma generate image|video</c>: one command that creates, waits with progress and saves the outputs.</summary>
public sealed class GenerateCommandTests
{
    private static readonly string[] Fast = ["--initial-delay", "0", "--poll-interval", "0.5s"];

    [Fact]
    public async Task Generate_image_saves_the_file_and_exits_0()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generate", "image", "a lighthouse at dawn", "--aspect-ratio", "16:9", "--out", "pictures", .. Fast]);

        result.AssertExit(0);
        var generation = result.Json!;
        Assert.Equal("completed", generation["state"]!.GetValue<string>());
        var file = generation["files"]![0]!.GetValue<string>();
        Assert.Equal(Path.Combine(cli.WorkingDirectory, "pictures"), Path.GetDirectoryName(file));
        Assert.StartsWith(generation["id"]!.GetValue<string>() + "_0", Path.GetFileName(file));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(file)[..4]);
        Assert.Contains("saved " + file, result.Stderr);
        Wire.Contains("""{ "prompt": "a lighthouse at dawn", "type": "image", "aspect_ratio": "16:9" }""", Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Generate_saves_into_the_working_directory_by_default()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generate", "image", "x", .. Fast]);

        result.AssertExit(0);
        Assert.Equal(cli.WorkingDirectory, Path.GetDirectoryName(result.Json!["files"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_failed_generation_exits_6_with_the_failure_code_and_saves_nothing()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generate", "image", "a cat [fail:content_moderated]", "--out", "out", .. Fast]);

        result.AssertExit(ExitCodes.GenerationFailed);
        Assert.Matches(@"error: generation [0-9a-f-]+ failed: content_moderated", result.Stderr);
        Assert.Null(result.Json!["files"]);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "out")));
    }

    [Fact]
    public async Task Generate_video_defaults_to_ray_and_takes_video_flags()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generate", "video", "waves at sunset", "--video.duration", "5s", "--video.resolution", "1080p", .. Fast]);

        result.AssertExit(0);
        Wire.Contains("""{ "prompt": "waves at sunset", "type": "video", "model": "ray-3.2", "video": { "duration": "5s", "resolution": "1080p" } }""", Wire.SingleCreateBody(cli.Server));
        Assert.EndsWith(".mp4", result.Json!["files"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Generate_without_a_prompt_is_a_usage_error()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generate", "image");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("a prompt is required", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task Transform_and_raw_output_print_the_saved_path_alone()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generate", "image", "x", "--transform", "files.0", "-r", .. Fast]);

        result.AssertExit(0);
        var path = result.Stdout.Trim();
        Assert.True(File.Exists(path), result.ToString());
    }

    [Fact]
    public async Task A_rate_limited_create_exits_5_with_the_retry_hint()
    {
        await using var cli = await CliHarness.StartAsync(o =>
        {
            o.MaxConcurrentJobs = 1;
            o.QueuedFor = TimeSpan.FromHours(1);
        });
        (await cli.RunAsync("generations", "create", "--prompt", "first")).AssertExit(0);

        var result = await cli.RunAsync(["generate", "image", "second", "--max-retries", "0", .. Fast]);

        result.AssertExit(ExitCodes.RateLimited);
        Assert.StartsWith($"error: 429 Too Many Requests: {FakeLumaServerDetails.TooManyConcurrentJobs}", result.Stderr);
        Assert.Contains("hint: retry after 60 s, once one of your running generations has finished", result.Stderr);
    }
}
