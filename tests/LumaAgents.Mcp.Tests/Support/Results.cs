using System.Text.Json.Nodes;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Tests.Support;

/// <summary>Reads tool results the way an agent would, and checks the promises every result makes.</summary>
public static class Results
{
    /// <summary>
    /// The result's JSON: for a success the structured content, after checking that the first text block carries the
    /// same JSON and that it matches the tool's output schema; for an error the first text block (errors carry no
    /// structured content, which would have to match the success schema).
    /// </summary>
    public static JsonObject Structured(CallToolResult result, McpClientTool? tool = null)
    {
        var text = Assert.IsType<TextContentBlock>(result.Content[0]);
        if (result.IsError == true)
        {
            Assert.Null(result.StructuredContent);
            return JsonNode.Parse(text.Text)!.AsObject();
        }

        Assert.NotNull(result.StructuredContent);
        var structured = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!.AsObject();
        Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(text.Text)), "The text block is not the structured JSON.");
        if (tool is not null)
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
}
