using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using LumaAgents.Cli.Commands;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Lifetime;
using LumaAgents.Cli.Parsing;

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
    /// <param name="cancellationToken">Ctrl+C: stops waiting at once (a created generation keeps running, its id is printed); exits 130.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        using var stop = new StopSignal(cancellationToken);
        return await RunAsync(args, environment, stop).ConfigureAwait(false);
    }

    /// <summary>Runs the tool until it finishes or <paramref name="stop"/> is requested (Ctrl+C, SIGTERM).</summary>
    internal static async Task<int> RunAsync(string[] args, CliEnvironment environment, StopSignal stop)
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
            parse = CommandTree.Build(new Invocation(globals, synchronized, stop)).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (!AsksForHelp(parse, args) && !IsDirective(args))
            {
                var problems = StrictParsing.Check(parse);
                if (problems.Count > 0)
                {
                    return ReportUsage(problems, parse, globals, synchronized);
                }
            }

            var configuration = new InvocationConfiguration
            {
                Output = synchronized.Output,
                Error = synchronized.Error,
                // Errors are reported by the commands themselves; Ctrl+C and SIGTERM arrive through the stop signal.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(configuration, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return CliContext.CreateReporter(parse, globals, synchronized, stop).Report(ex);
        }
        finally
        {
            await synchronized.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await synchronized.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>An explicit --help shows help even on a line with mistakes (a bare group's help is no excuse for them).</summary>
    private static bool AsksForHelp(ParseResult parse, string[] args)
        => parse.Action is HelpAction && args.Any(a => a is "--help" or "-h" or "-?" or "/h" or "/?");

    /// <summary><c>[suggest:N]</c>: the completion scripts' request; a partial line is expected there.</summary>
    private static bool IsDirective(string[] args) => args.Length > 0 && args[0].StartsWith('[');

    private static int ReportUsage(IReadOnlyList<UsageProblem> problems, ParseResult parse, GlobalOptions globals, CliEnvironment environment)
    {
        var help = $"run '{StrictParsing.CommandPath(parse)} --help' for usage.";
        var reporter = CliContext.CreateReporter(parse, globals, environment, stop: null);
        if (problems.Count == 1)
        {
            return reporter.Report(new CliException(problems[0].Message, problems[0].Hint ?? help));
        }

        // Every problem but the last on one line each; the last one is reported with its hint and the exit code.
        foreach (var problem in problems.Take(problems.Count - 1))
        {
            environment.Error.WriteLine("error: " + problem.Message + (problem.Hint is null ? string.Empty : "; " + problem.Hint));
        }

        return reporter.Report(new CliException(problems[^1].Message, problems[^1].Hint ?? help));
    }
}
