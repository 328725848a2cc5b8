using System.Text.Json.Nodes;

namespace LumaAgents.Cli.Tests.Support;

/// <summary>What one run of the tool did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output parsed as one JSON document.</summary>
    public JsonNode? Json => JsonNode.Parse(Stdout);

    /// <summary>Standard output as JSON Lines.</summary>
    public IReadOnlyList<JsonNode?> JsonLines
        => [.. Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line))];

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    /// <summary>Asserts the exit code, showing the output when it differs.</summary>
    public CliResult AssertExit(int expected)
    {
        Assert.True(ExitCode == expected, $"expected exit {expected}, got {this}");
        return this;
    }
}
