using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LumaAgents.Mcp.Tools;

/// <summary>One call of a tool: the MCP request (for progress) and its arguments, already checked against the schema.</summary>
internal sealed class ToolCall
{
    public ToolCall(RequestContext<CallToolRequestParams> request, JsonObject arguments)
    {
        Request = request;
        Arguments = arguments;
    }

    public RequestContext<CallToolRequestParams> Request { get; }

    public JsonObject Arguments { get; }

    public string? String(string name) => Arguments[name]?.GetValue<string>();

    public bool? Boolean(string name) => Arguments[name]?.GetValue<bool>();

    public double? Number(string name) => Arguments[name]?.GetValue<double>();

    /// <summary>A required string (the schema says so; this catches a client that skips the schema).</summary>
    /// <exception cref="LumaValidationException">The argument is missing or blank.</exception>
    public string RequiredString(string name)
    {
        var value = String(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new LumaValidationException([new LumaValidationError(name, "is required")])
            : value;
    }

    /// <summary>An optional <c>timeout_seconds</c> as a time span.</summary>
    public TimeSpan? Seconds(string name)
        => Number(name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Request.Params?.Name} ({Arguments.Count} arguments)");
}
