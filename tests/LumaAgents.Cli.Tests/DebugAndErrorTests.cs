using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary><c>--debug</c>, configuration and error reporting: the key never leaks, and stack traces only on request.</summary>
public sealed class DebugAndErrorTests
{
    private static readonly string[] Fast = ["--initial-delay", "0", "--poll-interval", "0.5s"];

    [Fact]
    public async Task Debug_dumps_requests_and_responses_without_the_key()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generate", "image", "a fox", "--debug", .. Fast]);

        result.AssertExit(0);
        Assert.Contains("> POST " + cli.Server.BaseUrl + "generations", result.Stderr);
        Assert.Contains("> Authorization: Bearer [redacted]", result.Stderr);
        Assert.Contains("< HTTP/1.1 201 Created", result.Stderr);
        Assert.Contains("> {\"prompt\":\"a fox\"", result.Stderr);
        Assert.Contains("< HTTP/1.1 200 OK", result.Stderr);
        Assert.DoesNotContain(cli.Server.ApiKey, result.Stderr);
        Assert.DoesNotContain(cli.Server.ApiKey, result.Stdout);
    }

    [Fact]
    public async Task Debug_never_shows_a_key_given_on_the_command_line_even_when_refused()
    {
        await using var cli = await CliHarness.StartAsync();
        const string key = "luma-api-not-a-real-key-1234";

        var result = await cli.RunAsync("generations", "get", Guid.NewGuid().ToString(), "--api-key", key, "--debug");

        result.AssertExit(ExitCodes.Authentication);
        Assert.Contains("< HTTP/1.1 401 Unauthorized", result.Stderr);
        Assert.DoesNotContain(key, result.Stderr);
        Assert.Contains("   at ", result.Stderr);
    }

    [Fact]
    public async Task Debug_truncates_long_bodies()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("big.png", new byte[30_000]);

        var result = await cli.RunAsync("generations", "create", "--prompt", "p", "--image-ref", "@big.png", "--debug");

        result.AssertExit(0);
        Assert.Contains("more characters)", result.Stderr);
        Assert.True(result.Stderr.Length < 20_000, $"the dump is {result.Stderr.Length} characters");
    }

    [Fact]
    public async Task Errors_have_no_stack_trace_without_debug()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", Guid.NewGuid().ToString(), "--api-key", "luma-api-wrong");

        result.AssertExit(ExitCodes.Authentication);
        Assert.StartsWith($"error: 401 Unauthorized: {FakeLumaServerDetails.InvalidApiKey}", result.Stderr);
        Assert.Contains("hint: check --api-key or LUMA_AGENTS_API_KEY", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task No_key_anywhere_exits_3_before_any_request()
    {
        await using var cli = await CliHarness.StartAsync();
        var variables = cli.DefaultVariables();
        variables.Remove("LUMA_AGENTS_API_KEY");

        var result = await cli.RunAsync(["generations", "get", "x"], new CliRunOptions { Variables = variables });

        result.AssertExit(ExitCodes.Authentication);
        Assert.StartsWith("error: no API key", result.Stderr);
        Assert.Contains("LUMA_AGENTS_API_KEY", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task Flags_win_over_the_environment()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();
        var variables = new Dictionary<string, string> { ["LUMA_AGENTS_API_KEY"] = "luma-api-wrong", ["LUMA_BASE_URL"] = "https://unused.invalid/v1" };

        var result = await cli.RunAsync(
            ["generations", "get", id, "--api-key", cli.Server.ApiKey, "--base-url", cli.Server.BaseUrl.ToString()],
            new CliRunOptions { Variables = variables });

        result.AssertExit(0);
    }

    [Theory]
    [InlineData("127.0.0.1:5005/v1")]
    [InlineData("agents.lumalabs.ai/v1")]
    [InlineData("ftp://example.com/v1")]
    public async Task A_base_url_without_a_scheme_is_a_usage_error(string url)
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "get", "x", "--base-url", url);

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("scheme", result.Stderr);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "get", "x", "--base-url", "http://example.com/v1");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("https", result.Stderr);
    }

    [Fact]
    public async Task A_server_error_exits_1_with_the_status_line()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.Server.Faults.Enqueue(FakeFault.Respond(500, """{"detail":"upstream exploded"}""", "application/json"));

        var result = await cli.RunAsync("generations", "get", Guid.NewGuid().ToString(), "--max-retries", "0");

        result.AssertExit(ExitCodes.Failure);
        Assert.StartsWith("error: 500 Internal Server Error: upstream exploded", result.Stderr);
    }

    [Fact]
    public async Task Unknown_options_are_usage_errors_with_a_help_hint()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "create", "--colour", "blue");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("error: unknown option '--colour' for 'luma generations create' (nothing was sent)", result.Stderr);
        Assert.Contains("hint: run 'luma generations create --help'", result.Stderr);
    }

    [Fact]
    public async Task Debug_shows_the_protocol_actually_used_and_the_content_length_of_the_first_attempt()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "create", "--prompt", "a cat", "--debug");

        result.AssertExit(0);
        Assert.DoesNotContain("HTTP/2.0", result.Stderr);
        Assert.Contains("< HTTP/1.1 201 Created", result.Stderr);
        var request = result.Stderr[..result.Stderr.IndexOf("< HTTP/", StringComparison.Ordinal)];
        Assert.Contains("> Content-Length: ", request);
        Assert.Contains($"> Host: {cli.Server.BaseUrl.Authority}", request);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public async Task Format_error_prints_the_error_as_a_document_with_the_api_fields(string format)
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", Guid.NewGuid().ToString(), "--format-error", format);

        result.AssertExit(ExitCodes.NotFound);
        Assert.DoesNotContain("error: 404", result.Stderr);
        // A retry notice may precede the document when the loaded machine broke a connection: it is not part of it.
        var text = string.Join('\n', result.Stderr.Split('\n').Where(l => !l.Contains(": retrying in ", StringComparison.Ordinal)));
        System.Text.Json.Nodes.JsonNode document;
        try
        {
            document = format == "json" ? System.Text.Json.Nodes.JsonNode.Parse(text)! : Input.YamlToJson.Parse(text)!;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
        {
            throw new Xunit.Sdk.XunitException($"stderr is not one {format} document: {result}", ex);
        }

        Assert.Equal("404", document["status"]!.ToString());
        Assert.Equal("Generation not found", document["detail"]!.GetValue<string>());
        Assert.Equal("4", document["exit_code"]!.ToString());
    }

    [Fact]
    public async Task Transform_error_picks_one_field_of_the_error()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", Guid.NewGuid().ToString(), "--transform-error", "detail", "-r");

        result.AssertExit(ExitCodes.NotFound);
        Assert.EndsWith("\nGeneration not found", "\n" + result.Stderr.Trim());
    }
}
