using LumaAgents.Mcp.Hosting;
using LumaAgents.Mcp.Safety;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Tools;

/// <summary>What every tool shares: the backend, the allowed folders, the scrubber and a logger.</summary>
internal sealed class ToolContext
{
    public ToolContext(LumaBackend backend, AllowedFolders folders, SecretScrubber scrubber, ILoggerFactory loggers)
    {
        Backend = backend;
        Folders = folders;
        Scrubber = scrubber;
        Logger = loggers.CreateLogger("LumaAgents.Mcp.Tools");
    }

    public LumaBackend Backend { get; }

    public AllowedFolders Folders { get; }

    public SecretScrubber Scrubber { get; }

    public ILogger Logger { get; }

    /// <summary>The SDK's generations client (throws the configuration error when there is no usable key).</summary>
    public GenerationsClient Generations => Backend.Client.Generations;

    /// <summary>The SDK's files client (throws the configuration error when there is no usable key).</summary>
    public FilesClient Files => Backend.Client.Files;
}
