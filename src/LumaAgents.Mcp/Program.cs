using LumaAgents.Mcp.Hosting;
using LumaAgents.Mcp.Logging;
using LumaAgents.Mcp.Safety;
using LumaAgents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp;

/// <summary>The <c>luma-mcp</c> process: parse the command line, start the backend, serve MCP on stdio until stdin closes.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var (options, exitCode) = CommandLine.Parse(args, Console.Out, Console.Error);
        if (options is null)
        {
            return exitCode;
        }

        AllowedFolders folders;
        try
        {
            folders = AllowedFolders.Create(options.AllowDirs, Environment.CurrentDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("luma-mcp: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        var scrubber = new SecretScrubber(
            options.ApiKey, Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable), FakeLumaServerOptions.DefaultApiKey);
        var logs = new StderrLoggerProvider(Console.Error, scrubber);
        using var loggers = LoggerFactory.Create(builder => McpServerHost.Configure(builder, logs, options.LogLevel));
        var logger = loggers.CreateLogger("LumaAgents.Mcp");

        await using var backend = await LumaBackend.StartAsync(options, loggers, CancellationToken.None).ConfigureAwait(false);
        if (backend.Simulated)
        {
            logger.LogInformation("Running with --simulator: an in-process simulated Luma API; nothing is sent to Luma or billed.");
        }
        else if (backend.ConfigurationError is { } problem)
        {
            logger.LogWarning("No usable Luma configuration; every tool will say so until it is fixed: {Problem}", problem.Message);
        }
        else
        {
            logger.LogInformation("Using the Luma Agents API at {BaseUrl}", backend.Client.BaseUrl);
        }

        logger.LogInformation("Allowed folders: {Folders}", folders.Describe());
        using var host = McpServerHost.Build(backend, folders, scrubber, loggers, logs, options.LogLevel, server => server.WithStdioServerTransport());
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
