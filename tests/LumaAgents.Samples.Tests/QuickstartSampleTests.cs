using System.Reflection;
using System.Text.RegularExpressions;
using LumaAgents.Samples.Tests.Support;

namespace LumaAgents.Samples.Tests;

/// <summary>The Quickstart: it saves what it made, prints the id first, and every failure is a message and an exit code.</summary>
[Collection(SamplesCollection.Name)]
public sealed partial class QuickstartSampleTests : InProcessSampleTest
{
    [Fact]
    public async Task Quickstart_creates_waits_and_saves_an_image_and_a_video()
    {
        var entry = Assembly.Load("Quickstart").EntryPoint!;
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Folder);
        try
        {
            // The entry point of top-level statements is a synchronous Main around the async body.
            var image = await Task.Run(() => (int)entry.Invoke(null, [new[] { "a red fox" }])!);
            var video = await Task.Run(() => (int)entry.Invoke(null, [new[] { "--video", "waves" }])!);

            Assert.Equal(0, image);
            Assert.Equal(0, video);
            var files = Directory.GetFiles(Path.Combine(Folder, "luma-output")).Select(f => Path.GetExtension(f)!).Order().ToArray();
            Assert.Equal([".mp4", ".png"], files);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task The_id_is_printed_as_soon_as_the_job_exists_and_every_state_follows_in_order()
    {
        using var quickstart = StartInFolder([], "a lighthouse");

        var exit = await quickstart.WaitForExitAsync();

        Assert.Equal(0, exit);
        var lines = quickstart.Lines.ToList();
        var created = lines.FindIndex(l => CreatedLine().IsMatch(l));
        Assert.True(created >= 0, quickstart.Output);
        var states = lines.Skip(created + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        Assert.Equal(["queued", "processing", "completed"], states);
        Assert.Matches(@"^Saved .+_0\.png \(", lines[created + 1 + states.Length]);
    }

    [Fact]
    public async Task Ctrl_c_stops_at_once_with_the_id_and_how_to_resume()
    {
        // A simulated job that takes a minute, so it is surely still running when Ctrl-C comes.
        using var quickstart = StartInFolder(new() { ["LUMA_QUICKSTART_SIMULATED_SECONDS"] = "60" }, "a slow lighthouse");
        var id = CreatedLine().Match(await quickstart.WaitForLineAsync(l => CreatedLine().IsMatch(l), "Created generation")).Groups[1].Value;

        quickstart.Signal(PosixSignalNumber.Interrupt);
        var exit = await quickstart.WaitForExitAsync();

        Assert.Equal(130, exit);
        Assert.Contains(quickstart.Lines, l => l.StartsWith("Stopped waiting.", StringComparison.Ordinal) && l.Contains(id));
        Assert.Contains(quickstart.Lines, l => l.Contains($"--resume {id}"));
        Assert.DoesNotContain(quickstart.Lines, l => l.Trim() == "completed" || l.StartsWith("Saved ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_key_is_a_clear_message_and_exit_2_without_a_stack_trace()
    {
        using var quickstart = StartInFolder(new() { ["LUMA_AGENTS_API_KEY"] = "luma-api-has a space" }, "a fox");

        var exit = await quickstart.WaitForExitAsync();

        Assert.Equal(2, exit);
        Assert.Contains(quickstart.Lines, l => l.Contains("LUMA_AGENTS_API_KEY"));
        Assert.DoesNotContain(quickstart.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception"));
        Assert.DoesNotContain(quickstart.Lines, l => l.Contains("has a space"));
    }

    [Fact]
    public async Task A_generation_that_fails_is_its_reason_and_exit_6()
    {
        using var quickstart = StartInFolder([], "a fox [fail:content_moderated]");

        var exit = await quickstart.WaitForExitAsync();

        Assert.Equal(6, exit);
        var lines = quickstart.Lines.ToList();
        var failedState = lines.FindIndex(l => l.Trim() == "failed");
        var reason = lines.FindIndex(l => l.Contains("content_moderated") && l.Contains("failed ("));
        Assert.True(failedState >= 0 && reason > failedState, quickstart.Output); // the state line comes before the error, in order
    }

    [Fact]
    public async Task Resuming_an_unknown_id_is_not_found_and_exit_4()
    {
        using var quickstart = StartInFolder([], "--resume", "00000000-0000-4000-8000-000000000000");

        var exit = await quickstart.WaitForExitAsync();

        Assert.Equal(4, exit);
        Assert.Contains(quickstart.Lines, l => l.Contains("new simulator"));
    }

    [Fact]
    public async Task Resume_without_an_id_is_a_usage_error()
    {
        using var quickstart = StartInFolder([], "--resume");

        Assert.Equal(2, await quickstart.WaitForExitAsync());
        Assert.Contains(quickstart.Lines, l => l.Contains("--resume needs the generation id"));
    }

    private ChildProcess StartInFolder(Dictionary<string, string?> environment, params string[] arguments)
        => ChildProcess.Start("dotnet", [Repository.SampleAssembly("Quickstart"), .. arguments], Folder, environment);

    [GeneratedRegex(@"^Created generation ([0-9a-f-]{36})$")]
    private static partial Regex CreatedLine();
}
