using LumaAgents.Mcp.Safety;
using LumaAgents.Mcp.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Hosting;

/// <summary>
/// Assembles the MCP server: the official C# MCP SDK's host with our tools, logging only to standard error, and the
/// transport the caller picks (stdio for <c>luma-mcp</c>, in-memory streams for tests).
/// </summary>
internal static class McpServerHost
{
    public const string ServerName = "luma-mcp";

    public static IHost Build(
        LumaBackend backend, AllowedFolders folders, SecretScrubber scrubber, ILoggerFactory loggers, ILoggerProvider logs, LogLevel level, Action<IMcpServerBuilder> transport)
    {
        // The empty builder reads no appsettings, environment configuration or user secrets, and adds no console logger.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = ServerName });
        builder.Logging.ClearProviders();
        Configure(builder.Logging, logs, level);

        var context = new ToolContext(backend, folders, scrubber, loggers);
        var server = builder.Services.AddMcpServer(options =>
        {
            options.ServerInfo = new Implementation
            {
                Name = ServerName,
                Title = "Luma Agents (images and video)",
                Version = CommandLine.Version,
                Description = "Create, wait for and download Luma Agents generations (images with uni-1, video with ray-3.2), and upload and manage the files they use.",
            };
            options.ServerInstructions = Instructions(backend, folders);
        });
        transport(server);
        server.WithTools(ToolCatalog.Create(context));
        return builder.Build();
    }

    /// <summary>
    /// Ours at the chosen level; the MCP SDK's and the host's own chatter (a line per request) only from Warning unless a
    /// more detailed level was asked for.
    /// </summary>
    public static void Configure(ILoggingBuilder logging, ILoggerProvider logs, LogLevel level)
    {
        logging.AddProvider(logs);
        logging.SetMinimumLevel(level);
        if (level == LogLevel.Information)
        {
            logging.AddFilter((category, entry) => entry >= (category?.StartsWith("LumaAgents", StringComparison.Ordinal) == true ? LogLevel.Information : LogLevel.Warning));
        }
    }

    private static string Instructions(LumaBackend backend, AllowedFolders folders)
        => "Luma Agents image and video generation. For one result, call generate (create, wait and save in one call). For more control: "
           + "create_generation (billed; returns an id at once), then wait_for_generation (free; pass timeout_seconds below your request timeout and "
           + "call again while timed_out is true), then download_outputs (saves files). get_generation reads a job's state at any time. Keep every "
           + "generation id you get: jobs cannot be cancelled and keep running after a timeout. To use one local image or video in several "
           + "generations, upload it once with upload_file and pass {\"file_id\": \"…\"} as the input; list_files, get_file and delete_file manage "
           + "uploaded files (a path input over " + (FileLimits.AutoUploadAboveBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture)
           + " MB is uploaded that way by itself). Local files are read and saved only inside: " + folders.Describe() + "."
           + (backend.Simulated ? " This server runs with --simulator: nothing is sent to Luma and nothing is billed." : string.Empty);
}
