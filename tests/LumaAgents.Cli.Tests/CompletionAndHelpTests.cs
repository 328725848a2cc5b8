using LumaAgents.Cli.Tests.Support;

namespace LumaAgents.Cli.Tests;

/// <summary>Shell completion through the <c>[suggest]</c> directive, help and version.</summary>
public sealed class CompletionAndHelpTests
{
    [Theory]
    [InlineData("luma generations create --model ", new[] { "uni-1", "uni-1-max", "ray-3.2" })]
    [InlineData("luma generate video --video.resolution ", new[] { "360p", "540p", "720p", "1080p" })]
    [InlineData("luma generations create --video.edit.strength ", new[] { "adhere_1", "flex_2", "reimagine_3" })]
    [InlineData("luma generations create --aspect-ratio ", new[] { "16:9", "9:16", "21:9" })]
    [InlineData("luma generations get --format ", new[] { "json", "jsonl", "pretty", "raw", "yaml" })]
    [InlineData("luma gen", new[] { "generations", "generate" })]
    [InlineData("luma generations create --video.", new[] { "--video.resolution", "--video.edit.controls.pose.enabled" })]
    [InlineData("luma completion ", new[] { "bash", "zsh", "pwsh", "fish" })]
    public async Task The_suggest_directive_completes_commands_flags_and_known_values(string line, string[] expected)
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync($"[suggest:{line.Length}]", line);

        result.AssertExit(0);
        var suggestions = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var value in expected)
        {
            Assert.Contains(value, suggestions);
        }
    }

    [Fact]
    public async Task Enum_completions_come_from_the_sdk_known_values()
    {
        await using var cli = CliHarness.Offline();
        const string line = "luma generations create --type ";

        var result = await cli.RunAsync($"[suggest:{line.Length}]", line);

        var suggestions = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(GenerationType.KnownValues.Select(v => v.Value).Order(), suggestions.Order());
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _luma_complete luma")]
    [InlineData("zsh", "compdef _luma luma")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName luma")]
    [InlineData("fish", "complete -c luma")]
    public async Task Completion_prints_a_script_that_uses_the_suggest_directive(string shell, string expected)
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("completion", shell);

        result.AssertExit(0);
        Assert.Contains(expected, result.Stdout);
        Assert.Contains("[suggest:", result.Stdout);
        Assert.DoesNotContain("\r", result.Stdout);
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("--version");

        result.AssertExit(0);
        Assert.Equal(LumaCli.Version, result.Stdout.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }

    [Fact]
    public async Task Help_documents_the_reference_syntax_and_exit_codes()
    {
        await using var cli = CliHarness.Offline();

        var root = await cli.RunAsync("--help");
        var create = await cli.RunAsync("generations", "create", "--help");

        root.AssertExit(0);
        Assert.Contains("6 generation failed", root.Stdout);
        Assert.Contains("gen:<id>", create.Stdout);
        Assert.Contains("--video.edit.controls.pose.strength", create.Stdout);
        Assert.Contains("--body", create.Stdout);
    }

    [Fact]
    public async Task A_bare_group_shows_its_help()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations");

        result.AssertExit(0);
        Assert.Contains("create", result.Stdout);
        Assert.Contains("wait", result.Stdout);
    }
}
