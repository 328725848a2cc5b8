using System.Diagnostics;
using System.Text.RegularExpressions;
using LumaAgents.Samples.Tests.Support;
using Xunit.Abstractions;

namespace LumaAgents.Samples.Tests;

/// <summary>
/// Every script in samples/scripts runs as a newcomer runs it, <c>dotnet run samples/scripts/NAME.cs</c> from the
/// repository root with no key, and does what its header says. The first one also builds the SDK and the simulator
/// (Debug, as <c>dotnet run</c> does); one at a time, since they share those builds.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed partial class ScriptTests(ITestOutputHelper output) : InProcessSampleTest
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Generate_and_save_saves_a_png()
    {
        var (exit, script) = await RunScriptAsync("generate-and-save", "a lighthouse at dawn", "--aspect-ratio", "3:2", "--out", Folder);

        Assert.Equal(0, exit);
        Assert.Contains(script.Lines, l => l.Contains("using the built-in simulator"));
        Assert.Contains(script.Lines, l => l.Contains("\"a lighthouse at dawn\" (3:2)"));
        var saved = SavedFiles(script);
        Assert.Equal(PngSignature, File.ReadAllBytes(Assert.Single(saved)).Take(8).ToArray());
    }

    [Fact]
    public async Task Batch_runs_every_prompt_of_the_file_and_exits_1_when_one_failed()
    {
        var prompts = Path.Combine(Folder, "prompts.txt");
        File.WriteAllLines(prompts, ["# skipped", "a red fox", "", "a paper boat", "a cat [fail:content_moderated]"]);

        var (exit, script) = await RunScriptAsync("batch", prompts, "--parallel", "2", "--out", Path.Combine(Folder, "out"));

        Assert.Equal(1, exit);
        Assert.Contains(script.Lines, l => l.Contains("3 prompt(s)") && l.Contains("2 at a time"));
        Assert.Equal(2, SavedFiles(script).Count);
        Assert.Contains(script.Lines, l => l.Contains("\"a cat [fail:content_moderated]\" failed") && l.Contains("content_moderated"));
        Assert.Contains("Done: 2 saved, 1 failed.", script.Lines);
    }

    [Fact]
    public async Task Batch_without_its_prompts_file_says_so_and_exits_2()
    {
        var (exit, script) = await RunScriptAsync("batch", Path.Combine(Folder, "missing.txt"));

        Assert.Equal(2, exit);
        Assert.Contains(script.Lines, l => l.Contains("No prompts file at") && l.Contains("missing.txt"));
    }

    [Fact]
    public async Task Edit_image_sends_the_local_picture_and_saves_the_edit()
    {
        var (exit, script) = await RunScriptAsync("edit-image", "--out", Folder);

        Assert.Equal(0, exit);
        Assert.Contains(script.Lines, l => l.StartsWith("Editing ", StringComparison.Ordinal) && l.Contains("lighthouse.png"));
        Assert.Single(SavedFiles(script));
    }

    [Fact]
    public async Task Extend_video_makes_a_video_and_then_one_that_starts_from_it()
    {
        var (exit, script) = await RunScriptAsync("extend-video", "--out", Folder);

        Assert.Equal(0, exit);
        var saved = SavedFiles(script);
        Assert.Equal(2, saved.Count);
        Assert.All(saved, f => Assert.EndsWith(".mp4", f));
        var firstId = Path.GetFileName(saved[0])[..36];
        Assert.Contains(script.Lines, l => l.StartsWith($"Video 2, extending {firstId}", StringComparison.Ordinal));
    }

    private async Task<(int Exit, ChildProcess Script)> RunScriptAsync(string name, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var script = ChildProcess.Start("dotnet", ["run", $"samples/scripts/{name}.cs", "--", .. arguments], Repository.Root);
        var exit = await script.WaitForExitAsync();
        script.Dispose();
        output.WriteLine($"dotnet run samples/scripts/{name}.cs exited {exit} after {clock.Elapsed.TotalSeconds:0.0} s:");
        output.WriteLine(script.Output);
        return (exit, script);
    }

    private static List<string> SavedFiles(ChildProcess script)
    {
        var files = script.Lines.SelectMany(l => SavedLine().Matches(l).Select(m => m.Groups[1].Value.Trim())).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f), f + " was reported saved but does not exist."));
        return files;
    }

    [GeneratedRegex(@"(?:Saved |saved )([^,]+\.(?:png|jpg|jpeg|mp4))")]
    private static partial Regex SavedLine();
}
