using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Output;

/// <summary>What a tool produced, before the base class adds the simulator notice and renders it for MCP.</summary>
internal sealed class ToolOutcome
{
    public ToolOutcome(JsonObject structured, bool isError = false)
    {
        Structured = structured;
        IsError = isError;
    }

    /// <summary>The structured result; the same JSON also goes out as the first text block.</summary>
    public JsonObject Structured { get; }

    /// <summary>Whether this is an error result (<c>isError: true</c>).</summary>
    public bool IsError { get; }

    /// <summary>Content after the text block: resource links to saved files, small images.</summary>
    public List<ContentBlock> Extra { get; } = [];
}
