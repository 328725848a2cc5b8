using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Hosting;

/// <summary>
/// The command line of <c>luma-mcp</c>. Help and version go to standard output, which is fine: they run only when a
/// person starts the server by hand, never under an MCP host.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] LogLevels = ["trace", "debug", "information", "warning", "error", "none"];

    /// <summary>The options to run with, or the exit code when the command line asked for help or was wrong.</summary>
    public static (ServerOptions? Options, int ExitCode) Parse(string[] args, TextWriter output, TextWriter error)
    {
        var apiKey = new Option<string>("--api-key")
        {
            Description = $"The Luma API key (default: ${LumaClientOptions.ApiKeyEnvironmentVariable}; prefer the variable, a flag shows in process lists).",
            HelpName = "key",
        };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = $"The API's base URL (default: ${LumaClientOptions.BaseUrlEnvironmentVariable}, else {LumaClientOptions.DefaultBaseUrl}).",
            HelpName = "url",
        };
        var simulator = new Option<bool>("--simulator")
        {
            Description = "Run against a built-in simulation of the API: no key, nothing sent to Luma, nothing billed, placeholder outputs.",
        };
        var simulatorSeconds = new Option<double>("--simulator-seconds")
        {
            Description = "With --simulator: how long each simulated generation takes, in seconds.",
            HelpName = "seconds",
            DefaultValueFactory = _ => ServerOptions.DefaultSimulatorDuration.TotalSeconds,
        };
        var allowDir = new Option<string[]>("--allow-dir")
        {
            Description = "A folder the tools may read media from and save outputs into; repeat for more (default: the working directory, unless it is a file-system root).",
            HelpName = "folder",
            AllowMultipleArgumentsPerToken = false,
        };
        var logLevel = new Option<string>("--log-level")
        {
            Description = "The lowest level logged to standard error (standard output carries only the protocol).",
            HelpName = string.Join('|', LogLevels),
            DefaultValueFactory = _ => "information",
        };
        logLevel.AcceptOnlyFromAmong(LogLevels);
        simulatorSeconds.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (value is < 0 or > 3600 || double.IsNaN(value))
            {
                result.AddError("--simulator-seconds must be between 0 and 3600.");
            }
        });
        baseUrl.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                result.AddError($"--base-url '{value}' is not an absolute URL; include the scheme, for example https://agents.lumalabs.ai/v1.");
            }
        });

        var root = new RootCommand(
            "luma-mcp: a Model Context Protocol server (stdio) for the Luma Agents API. Register it with an MCP host; it speaks JSON-RPC on "
            + "standard input and output and logs to standard error.")
        {
            apiKey, baseUrl, simulator, simulatorSeconds, allowDir, logLevel,
        };

        ServerOptions? parsed = null;
        root.SetAction(result =>
        {
            parsed = new ServerOptions(
                result.GetValue(apiKey),
                result.GetValue(baseUrl) is { } url ? new Uri(url, UriKind.Absolute) : null,
                result.GetValue(simulator),
                TimeSpan.FromSeconds(result.GetValue(simulatorSeconds)),
                result.GetValue(allowDir) ?? [],
                Enum.Parse<LogLevel>(result.GetValue(logLevel) ?? "information", ignoreCase: true));
            return 0;
        });

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Errors only, on standard error: an MCP host reads standard output as protocol, so no help text there.
            foreach (var problem in parse.Errors)
            {
                error.WriteLine("luma-mcp: " + problem.Message);
            }

            error.WriteLine("Run 'luma-mcp --help' for usage.");
            return (null, 2);
        }

        var exitCode = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (parsed, exitCode);
    }

    /// <summary>The server's version, as packed.</summary>
    public static string Version { get; } =
        typeof(CommandLine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
        ?? typeof(CommandLine).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
