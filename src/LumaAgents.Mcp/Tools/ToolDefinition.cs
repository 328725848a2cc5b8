using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Tools;

/// <summary>A tool's protocol-facing facts: binding name, title, description, schemas and behaviour hints.</summary>
internal sealed record ToolDefinition(
    string Name,
    string Title,
    string Description,
    JsonObject InputSchema,
    JsonObject OutputSchema,
    ToolAnnotations Annotations);
