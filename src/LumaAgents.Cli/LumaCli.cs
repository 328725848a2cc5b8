using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using LumaAgents.Cli.Commands;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli;

/// <summary>
/// The <c>luma</c> tool as a method: parses the command line, runs the command against the API, and returns
/// the exit code. It reads and writes only through the <see cref="CliEnvironment"/> it is given, so it can run
/// in-process (tests, or a host embedding the tool) without touching the real console or process environment.
/// </summary>
public static class LumaCli
{
    /// <summary>The tool's version (the package version, with the commit when built from git).</summary>
    public static string Version { get; } =
        typeof(LumaCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(LumaCli).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="environment">The streams, variables and working directory to use.</param>
    /// <param name="cancellationToken">Ctrl+C: stops waiting at once (a created generation keeps running); exits 130.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);

        // Writes come from the command and, during a wait, from the progress display and --debug at once.
        var synchronized = environment with
        {
            Output = TextWriter.Synchronized(environment.Output),
            Error = TextWriter.Synchronized(environment.Error),
        };

        var globals = new GlobalOptions();
        ParseResult? parse = null;
        try
        {
            // No response files: '@path' is this tool's file-embedding syntax, and must reach the commands as typed.
            parse = CommandTree.Build(synchronized, globals).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Action is ParseErrorAction)
            {
                return ReportParseErrors(parse, synchronized.Error);
            }

            var configuration = new InvocationConfiguration
            {
                Output = synchronized.Output,
                Error = synchronized.Error,
                // Errors are reported by the commands themselves; Ctrl+C arrives through the token (Program.Main).
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, synchronized.Error, parse?.GetValue(globals.Debug) ?? args.Contains("--debug"));
        }
        finally
        {
            await synchronized.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await synchronized.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static int ReportParseErrors(ParseResult parse, TextWriter error)
    {
        foreach (var problem in parse.Errors)
        {
            error.WriteLine("error: " + problem.Message);
        }

        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command is RootCommand ? "luma" : result.Command.Name);
        }

        error.WriteLine($"hint: run '{string.Join(' ', names)} --help' for usage.");
        return ExitCodes.Validation;
    }
}
