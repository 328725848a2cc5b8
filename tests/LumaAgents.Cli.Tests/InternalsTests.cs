using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Http;
using LumaAgents.Cli.Input;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Tests;

/// <summary>The small pure pieces, without a server: URL redaction, durations, YAML both ways, transforms, exit codes.</summary>
public sealed class InternalsTests
{
    [Theory]
    [InlineData("https://cdn.example.com/out/1.png?X-Amz-Signature=secret", "https://cdn.example.com/out/1.png?[query redacted]")]
    [InlineData("http://127.0.0.1:5000/v1/generations", "http://127.0.0.1:5000/v1/generations")]
    public void Debug_urls_never_show_a_query(string url, string expected)
        => Assert.Equal(expected, DebugLoggingHandler.Describe(new Uri(url)));

    [Theory]
    [InlineData("90", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData(" 0 ", 0)]
    public void Durations_read_seconds_and_units(string text, int milliseconds)
        => Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Durations.Parse(text, "--x"));

    [Theory]
    [InlineData("-1s")]
    [InlineData("fast")]
    [InlineData("2d")]
    [InlineData("none")]
    public void Bad_durations_are_usage_errors(string text)
        => Assert.Equal(ExitCodes.Validation, Assert.Throws<CliException>(() => Durations.Parse(text, "--x")).ExitCode);

    [Fact]
    public void None_means_no_limit_where_allowed()
        => Assert.Equal(Timeout.InfiniteTimeSpan, Durations.Parse("none", "--timeout", allowInfinite: true));

    [Fact]
    public void Yaml_round_trips_values_that_look_like_other_types()
    {
        var original = JsonNode.Parse("""
            { "a": "true", "b": "16:9", "c": "007", "d": "null", "e": "", "f": "2026-04-08T12:00:00Z", "g": "multi\nline",
              "h": 1.5, "i": -3, "j": false, "k": null, "l": [], "m": {}, "n": ["x", { "y": "yes" }], "o": "https://e.com/a?b=c#d" }
            """);

        var yaml = new StringWriter();
        JsonToYaml.Write(original, yaml);
        var back = YamlToJson.Parse(yaml.ToString());

        Assert.True(JsonNode.DeepEquals(original, back), yaml.ToString());
    }

    [Fact]
    public void Yaml_bodies_follow_the_core_schema()
    {
        var node = YamlToJson.Parse("""
            prompt: 'quoted: yes'
            aspect_ratio: 16:9
            web_search: true
            count: 3
            ratio: 0.5
            user_id: ~
            list: [a, 1]
            """)!;

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "prompt": "quoted: yes", "aspect_ratio": "16:9", "web_search": true, "count": 3, "ratio": 0.5, "user_id": null, "list": ["a", 1] }"""),
            node));
    }

    [Fact]
    public void A_transform_of_an_empty_path_is_the_whole_document()
    {
        var document = JsonNode.Parse("""{ "a": [1, 2] }""");

        Assert.Same(document, JsonTransform.Parse("$").Apply(document));
        Assert.Equal(2, JsonTransform.Parse("a[1]").Apply(document)!.GetValue<int>());
        Assert.Throws<CliException>(() => JsonTransform.Parse("a..b"));
    }

    [Fact]
    public void Exceptions_map_to_the_documented_exit_codes()
    {
        Assert.Equal(2, ErrorReporter.Describe(new LumaValidationException([new LumaValidationError("prompt", "is required")])).ExitCode);
        Assert.Equal(2, ErrorReporter.Describe(new LumaBadRequestException("bad")).ExitCode);
        Assert.Equal(2, ErrorReporter.Describe(new LumaUnprocessableEntityException("bad")).ExitCode);
        Assert.Equal(3, ErrorReporter.Describe(new LumaAuthenticationException("no")).ExitCode);
        Assert.Equal(3, ErrorReporter.Describe(new LumaPermissionDeniedException("no")).ExitCode);
        Assert.Equal(4, ErrorReporter.Describe(new LumaNotFoundException("gone")).ExitCode);
        Assert.Equal(5, ErrorReporter.Describe(new LumaRateLimitException("Rate limit exceeded")).ExitCode);
        Assert.Equal(6, ErrorReporter.Describe(new GenerationFailedException(new Generation { Id = "g", State = GenerationState.Failed })).ExitCode);
        Assert.Equal(7, ErrorReporter.Describe(new GenerationTimeoutException("g", null, TimeSpan.FromSeconds(1))).ExitCode);
        Assert.Equal(7, ErrorReporter.Describe(new LumaTimeoutException("slow", TimeSpan.FromSeconds(1))).ExitCode);
        Assert.Equal(1, ErrorReporter.Describe(new LumaServerException(System.Net.HttpStatusCode.BadGateway, "down")).ExitCode);
        Assert.Equal(1, ErrorReporter.Describe(new LumaConnectionException("refused")).ExitCode);
        Assert.Equal(1, ErrorReporter.Describe(new InvalidOperationException("bug")).ExitCode);
    }
}
