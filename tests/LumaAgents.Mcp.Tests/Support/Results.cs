using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Tests.Support;

/// <summary>Reads tool results the way an agent would, and checks the promises every result makes.</summary>
public static class Results
{
    /// <summary>
    /// The structured content, after checking that the first text block carries the same JSON and that a success
    /// matches the tool's output schema.
    /// </summary>
    public static JsonObject Structured(CallToolResult result, McpClientTool? tool = null)
    {
        Assert.NotNull(result.StructuredContent);
        var structured = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!.AsObject();
        var text = Assert.IsType<TextContentBlock>(result.Content[0]);
        Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(text.Text)), "The text block is not the structured JSON.");
        if (tool is not null && result.IsError != true)
        {
            var schema = JsonNode.Parse(tool.ProtocolTool.OutputSchema!.Value.GetRawText())!.AsObject();
            var problems = SchemaChecker.Check(structured, schema);
            Assert.True(problems.Count == 0, "Result does not match the output schema: " + string.Join("; ", problems));
        }

        return structured;
    }

    /// <summary>The <c>error</c> object of an error result, after checking it is one.</summary>
    public static JsonObject Error(CallToolResult result)
    {
        Assert.True(result.IsError, "Expected an error result, got: " + Text(result));
        var error = Structured(result)["error"]!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(error["message"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(error["what_to_do"]?.GetValue<string>()));
        Assert.DoesNotContain("   at ", Text(result), StringComparison.Ordinal);
        return error;
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public static string Kind(CallToolResult result) => Error(result)["kind"]!.GetValue<string>();

    public static string Get(this JsonObject obj, string name) => obj[name]!.GetValue<string>();

    /// <summary>Every message of the result as JSON, for scanning.</summary>
    public static string Json(CallToolResult result) => JsonSerializer.Serialize(result, ModelContextProtocol.McpJsonUtilities.DefaultOptions);
}
