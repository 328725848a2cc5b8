namespace LumaAgents.Mcp.Flows;

/// <summary>One output saved to disk.</summary>
internal sealed record SavedOutput(int Index, string? Type, string Path, string MediaType, long SizeBytes);
