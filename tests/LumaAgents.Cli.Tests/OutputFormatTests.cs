using System.Text.Json.Nodes;
using LumaAgents.Cli.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace LumaAgents.Cli.Tests;

/// <summary><c>--format</c>, <c>--transform</c> and <c>--raw-output</c>: every format parses back to the same document.</summary>
public sealed class OutputFormatTests
{
    [Fact]
    public async Task Json_is_the_default_when_stdout_is_not_a_terminal()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "get", id);

        result.AssertExit(0);
        var json = Assert.IsType<JsonObject>(result.Json);
        Assert.Equal(id, json["id"]!.GetValue<string>());
        Assert.Contains("\n  \"id\"", result.Stdout);
    }

    [Fact]
    public async Task Pretty_is_the_default_on_a_terminal()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync(["generations", "get", id], new CliRunOptions { OutputIsTerminal = true });

        result.AssertExit(0);
        Assert.Contains("│ state", result.Stdout);
        Assert.Contains("output.0.url", result.Stdout);
        Assert.Contains(id, result.Stdout);
    }

    [Fact]
    public async Task Pretty_output_keeps_each_url_whole_on_its_own_line_outside_the_table()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync(["generations", "get", id], new CliRunOptions { OutputIsTerminal = true });

        result.AssertExit(0);
        var lines = result.Stdout.Split('\n');
        var urlLine = Assert.Single(lines, l => l.Contains("/outputs/", StringComparison.Ordinal));
        Assert.StartsWith("http://127.0.0.1:", urlLine);
        Assert.DoesNotContain('│', urlLine);
        Assert.True(Uri.TryCreate(urlLine.TrimEnd('\r'), UriKind.Absolute, out var url) && url.Query.Contains("X-Amz-Signature", StringComparison.Ordinal), urlLine);
        Assert.Equal("output.0.url:", lines[Array.IndexOf(lines, urlLine) - 1].TrimEnd('\r'));
    }

    [Fact]
    public async Task Pretty_has_no_colour_codes_when_not_a_terminal_or_with_no_color()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();
        var variables = cli.DefaultVariables();
        variables["NO_COLOR"] = "1";

        var piped = await cli.RunAsync("generations", "get", id, "--format", "pretty");
        var noColor = await cli.RunAsync(["generations", "get", id, "--format", "pretty"], new CliRunOptions { OutputIsTerminal = true, Variables = variables });

        Assert.DoesNotContain("\u001b[", piped.Stdout);
        Assert.DoesNotContain("\u001b[", noColor.Stdout);
        Assert.Contains("completed", piped.Stdout);
    }

    [Fact]
    public async Task Jsonl_is_one_document_per_line()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "get", id, "--format", "jsonl");

        result.AssertExit(0);
        var line = Assert.Single(result.JsonLines);
        Assert.Equal(id, line!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Raw_is_compact_json_on_one_line()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "get", id, "--format", "raw");

        Assert.Single(result.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Equal(id, result.Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Yaml_parses_back_to_the_same_values()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var json = (await cli.RunAsync("generations", "get", id)).Json!;
        var result = await cli.RunAsync("generations", "get", id, "--format", "yaml");

        result.AssertExit(0);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(result.Stdout));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal(id, Scalar(root, "id"));
        Assert.Equal("completed", Scalar(root, "state"));
        Assert.Equal(json["created_at"]!.GetValue<string>(), Scalar(root, "created_at"));
        var output = (YamlSequenceNode)root.Children[new YamlScalarNode("output")];
        Assert.StartsWith("http://127.0.0.1", Scalar((YamlMappingNode)output[0], "url"));
    }

    [Fact]
    public async Task Yaml_quotes_strings_that_would_read_back_as_other_types()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "create", "--prompt", "true", "--aspect-ratio", "16:9", "--user-id", "007", "--dry-run", "--format", "yaml");

        result.AssertExit(0);
        var data = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(result.Stdout);
        Assert.Equal("true", data["prompt"]);
        Assert.Equal("16:9", data["aspect_ratio"]);
        Assert.Equal("007", data["user_id"]);
        Assert.Contains("aspect_ratio: \"16:9\"", result.Stdout);
    }

    [Theory]
    [InlineData("output.0.type", "\"image\"")]
    [InlineData("output[0].type", "\"image\"")]
    [InlineData("$.state", "\"completed\"")]
    [InlineData("output.-1.type", "\"image\"")]
    [InlineData("failure_code", "null")]
    [InlineData("output.7.url", "null")]
    public async Task Transform_picks_a_dotted_path(string path, string expected)
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "get", id, "--transform", path);

        result.AssertExit(0);
        Assert.Equal(expected, result.Stdout.Trim());
    }

    [Fact]
    public async Task Raw_output_prints_a_string_without_quotes()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "get", id, "--transform", "output.0.url", "--raw-output");

        result.AssertExit(0);
        Assert.StartsWith("http://127.0.0.1", result.Stdout);
        Assert.True(Uri.IsWellFormedUriString(result.Stdout.Trim(), UriKind.Absolute));
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", "x", "--format", "xml");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("xml", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
