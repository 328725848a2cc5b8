namespace LumaAgents.Mcp.Tests.Support;

/// <summary>Tool arguments as the client sends them.</summary>
public static class Args
{
    public static Dictionary<string, object?> Of(params (string Name, object? Value)[] pairs)
        => pairs.ToDictionary(p => p.Name, p => p.Value);

    /// <summary>A tiny valid PNG (1×1, transparent).</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
