using LumaAgents.Cli.Tests.Support;

namespace LumaAgents.Cli.Tests;

/// <summary>Issue 13, finding 6: messages name flags and environment variables, never SDK members, and suggest the fix.</summary>
public sealed class UserWordsTests
{
    [Fact]
    public async Task A_key_with_a_space_exits_3_naming_the_variable_not_the_sdk_option()
    {
        await using var cli = await CliHarness.StartAsync();
        var variables = cli.DefaultVariables();
        variables["LUMA_AGENTS_API_KEY"] = "luma-api-abc def";

        var result = await cli.RunAsync(["generations", "get", Guid.NewGuid().ToString()], new CliRunOptions { Variables = variables });

        result.AssertExit(ExitCodes.Authentication);
        Assert.Contains("the API key in LUMA_AGENTS_API_KEY contains a space", result.Stderr);
        Assert.DoesNotContain("LumaClientOptions", result.Stderr);
        Assert.DoesNotContain("abc def", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task A_key_flag_with_a_space_names_the_flag()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "get", Guid.NewGuid().ToString(), "--api-key", "luma-api-abc def");

        result.AssertExit(ExitCodes.Authentication);
        Assert.Contains("the API key in --api-key contains a space", result.Stderr);
    }

    [Fact]
    public async Task No_key_suggests_the_simulator()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync(["generations", "get", Guid.NewGuid().ToString()], new CliRunOptions { Variables = [] });

        result.AssertExit(ExitCodes.Authentication);
        Assert.Contains("luma simulator", result.Stderr);
    }

    [Fact]
    public async Task A_path_given_where_an_at_path_was_meant_gets_a_did_you_mean()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("photo.png", [0x89, (byte)'P', (byte)'N', (byte)'G']);

        var result = await cli.RunAsync("generations", "create", "--type", "image_edit", "--prompt", "in winter", "--source", "photo.png");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("did you mean @photo.png?", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task A_prompt_starting_with_at_that_is_no_file_mentions_the_double_at()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generate", "image", "@someone in a hat");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("cannot read @someone in a hat: there is no such file", result.Stderr);
        Assert.Contains("write @@ (or \\@): @@someone in a hat", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Theory]
    [InlineData("@@someone in a hat")]
    [InlineData("\\@someone in a hat")]
    public async Task A_literal_leading_at_is_written_with_at_at_or_backslash(string typed)
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generate", "image", typed, "--dry-run");

        result.AssertExit(0);
        Assert.Equal("@someone in a hat", result.Json!["prompt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("10ms")]
    [InlineData("2m")]
    public async Task A_poll_interval_outside_what_the_help_says_is_refused(string interval)
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generate", "image", "a cat", "--poll-interval", interval);

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains($"--poll-interval {interval} is out of range: polls are 500ms to 1m apart", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task Validation_problems_name_the_flag_not_the_sdk_property()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "create", "--type", "image_edit", "--prompt", "in winter");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("--source: is required for type image_edit", result.Stderr);
        Assert.DoesNotContain("Source", result.Stderr);
    }

    [Fact]
    public async Task A_bad_id_names_the_generation_id_and_nothing_from_the_sdk()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", "a/b");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("error: the generation id 'a/b' is not an id", result.Stderr);
        Assert.DoesNotContain("CreateAsync", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task The_prompt_limit_in_the_help_comes_from_the_sdk()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generate", "image", "--help");

        Assert.Contains($"up to {GenerationLimits.MaxPromptLength} characters", result.Stdout);
    }
}
