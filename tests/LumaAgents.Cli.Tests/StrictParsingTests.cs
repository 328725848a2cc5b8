using System.CommandLine;
using LumaAgents.Cli.Commands;
using LumaAgents.Cli.Lifetime;
using LumaAgents.Cli.Tests.Support;

namespace LumaAgents.Cli.Tests;

/// <summary>Issue 13, finding 1: nothing that is not the prompt may become the prompt, and a typo never bills a job.</summary>
public sealed class StrictParsingTests
{
    /// <summary>A valid invocation of every command; the test below fails when a command is missing here.</summary>
    private static readonly Dictionary<string, string[]> ValidInvocations = new()
    {
        ["generations create"] = ["generations", "create", "--prompt", "a cat"],
        ["generations get"] = ["generations", "get", "{id}"],
        ["generations wait"] = ["generations", "wait", "{id}"],
        ["generations download"] = ["generations", "download", "{id}"],
        ["generate image"] = ["generate", "image", "a cat"],
        ["generate video"] = ["generate", "video", "waves"],
        ["simulator"] = ["simulator"],
        ["completion"] = ["completion", "bash"],
        ["files upload"] = ["files", "upload", "photo.png"],
        ["files create"] = ["files", "create", "--mime-type", "image/png", "--size-bytes", "10"],
        ["files complete"] = ["files", "complete", "{id}"],
        ["files get"] = ["files", "get", "{id}"],
        ["files list"] = ["files", "list"],
        ["files delete"] = ["files", "delete", "{id}"],
    };

    [Fact]
    public async Task A_misspelt_option_after_the_prompt_is_a_usage_error_with_a_suggestion_not_part_of_the_prompt()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generate", "image", "a cat", "--aspect-ration", "16:9", "--dry-run");

        result.AssertExit(ExitCodes.Validation);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("unknown option '--aspect-ration'", result.Stderr);
        Assert.Contains("did you mean --aspect-ratio?", result.Stderr);
    }

    [Theory]
    [InlineData("--aspect", "16:9")]
    [InlineData("--timeout", "5", "minutes")]
    [InlineData("--colour", "blue")]
    public async Task Nothing_is_created_when_the_line_has_anything_that_is_not_the_prompt_or_a_known_option(params string[] extra)
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generate", "image", "a cat", .. extra, "--initial-delay", "0"]);

        result.AssertExit(ExitCodes.Validation);
        Assert.Empty(cli.Server.Requests);
        Assert.Contains("nothing was sent", result.Stderr);
    }

    [Theory]
    [InlineData("--format-error", "bogus")]
    [InlineData("--format", "bogus")]
    [InlineData("--transform-error", "a..b")]
    public async Task A_bad_value_of_an_output_option_is_reported_not_a_crash(string option, string value)
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", "x", option, value);

        result.AssertExit(ExitCodes.Validation);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.DoesNotContain("Unhandled", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task An_abbreviated_option_suggests_the_full_name()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generate", "image", "a cat", "--aspect", "16:9");

        Assert.Contains("did you mean --aspect-ratio?", result.Stderr);
    }

    [Fact]
    public async Task An_option_like_word_in_the_prompt_position_is_not_taken_as_the_prompt()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generate", "image", "--aspect");

        result.AssertExit(ExitCodes.Validation);
        Assert.Empty(cli.Server.Requests);
        Assert.Contains("unknown option '--aspect'", result.Stderr);
    }

    [Fact]
    public async Task An_unquoted_prompt_is_refused_with_the_quoting_hint()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generate", "image", "a", "cat");

        result.AssertExit(ExitCodes.Validation);
        Assert.Empty(cli.Server.Requests);
        Assert.Contains("unexpected argument 'cat'", result.Stderr);
        Assert.Contains("the prompt is one argument: quote it", result.Stderr);
    }

    [Fact]
    public async Task A_prompt_starting_with_a_dash_goes_after_the_double_dash()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generate", "image", "--dry-run", "--", "-a cat, upside down");

        result.AssertExit(0);
        Assert.Equal("-a cat, upside down", result.Json!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_misspelt_command_suggests_the_right_one()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generatoins", "get", "x");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("did you mean 'luma generations'?", result.Stderr);
    }

    [Fact]
    public async Task Every_command_refuses_a_misspelt_option_with_exit_2_and_sends_nothing()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();
        var leaves = Leaves(CommandTree.Build(new Invocation(new GlobalOptions(), new CliEnvironment(), new StopSignal()))).ToList();
        Assert.Equal(leaves.Order(), ValidInvocations.Keys.Order());

        foreach (var leaf in leaves)
        {
            var args = ValidInvocations[leaf].Select(a => a.Replace("{id}", id, StringComparison.Ordinal)).ToArray();
            var command = Find(leaf);
            // A misspelling of one of the command's own options (a letter dropped), else of a global one.
            var target = command.Options.Select(o => o.Name).FirstOrDefault(n => n.StartsWith("--", StringComparison.Ordinal) && n.Length > 6 && !n.Contains('.')) ?? "--format";
            var misspelt = target[..4] + target[5..];

            var result = await cli.RunAsync([.. args, misspelt, "x"]);

            Assert.True(result.ExitCode == ExitCodes.Validation, $"{leaf} {misspelt}: {result}");
            Assert.Contains($"unknown option '{misspelt}'", result.Stderr);
            Assert.Contains($"did you mean {target}?", result.Stderr);
            Assert.Empty(cli.Server.Requests);
        }

        Command Find(string path)
        {
            Command current = CommandTree.Build(new Invocation(new GlobalOptions(), new CliEnvironment(), new StopSignal()));
            foreach (var name in path.Split(' '))
            {
                current = current.Subcommands.Single(c => c.Name == name);
            }

            return current;
        }
    }

    private static IEnumerable<string> Leaves(Command command, string prefix = "")
    {
        foreach (var child in command.Subcommands)
        {
            var path = prefix.Length == 0 ? child.Name : prefix + " " + child.Name;
            if (child.Subcommands.Count == 0)
            {
                yield return path;
            }
            else
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
        }
    }
}
