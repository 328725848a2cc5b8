using System.Collections.Concurrent;
using ModelContextProtocol.Client;

namespace LumaAgents.Mcp.Tests.Support;

/// <summary>
/// A real <c>luma-mcp</c> process (the built tool, run with <c>dotnet luma-mcp.dll</c>) and the official C# MCP
/// client talking to it over stdio, as an MCP host would. Standard error is kept for inspection.
/// </summary>
public sealed class StdioServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr;

    private StdioServer(McpClient client, IReadOnlyList<McpClientTool> tools, ConcurrentQueue<string> stderr)
    {
        Client = client;
        Tools = tools;
        _stderr = stderr;
    }

    public McpClient Client { get; }

    public IReadOnlyList<McpClientTool> Tools { get; }

    /// <summary>Everything the server wrote to standard error so far.</summary>
    public string StandardError => string.Join("\n", _stderr);

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "luma-mcp.dll");

    /// <summary>Starts <c>luma-mcp</c> with these arguments, in <paramref name="workingDirectory"/>, without the machine's Luma settings.</summary>
    public static async Task<StdioServer> StartAsync(IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?>? environment = null)
    {
        var stderr = new ConcurrentQueue<string>();
        var options = new StdioClientTransportOptions
        {
            Name = "luma-mcp",
            Command = "dotnet",
            Arguments = [ServerDll, .. arguments],
            WorkingDirectory = workingDirectory,
            EnvironmentVariables = ChildEnvironment(environment),
            StandardErrorLines = stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        };
        var client = await McpClient.CreateAsync(new StdioClientTransport(options));
        var tools = await client.ListToolsAsync();
        return new StdioServer(client, [.. tools], stderr);
    }

    public McpClientTool Tool(string name) => Tools.Single(t => t.Name == name);

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    /// <summary>The machine's own Luma settings removed (a null value removes a variable), plus <paramref name="extra"/>.</summary>
    internal static Dictionary<string, string?> ChildEnvironment(IDictionary<string, string?>? extra)
    {
        var result = new Dictionary<string, string?>
        {
            [LumaClientOptions.ApiKeyEnvironmentVariable] = null,
            [LumaClientOptions.BaseUrlEnvironmentVariable] = null,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            result[name] = value;
        }

        return result;
    }
}
