using System.Collections;

namespace LumaAgents.Cli;

/// <summary>
/// Everything the tool reads from or writes to its process: the standard streams, environment variables, whether
/// the streams are terminals, and the working directory. <see cref="LumaCli.RunAsync(string[], CliEnvironment, CancellationToken)"/> touches nothing else, so
/// tests run it in-process and in parallel with fakes, and <see cref="FromConsole"/> supplies the real console.
/// </summary>
public sealed record CliEnvironment
{
    /// <summary>Standard input (a request body may be piped here). Default: empty.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Whether standard input is redirected (a pipe or file) rather than a terminal; only then is it read as a body.</summary>
    public bool IsInputRedirected { get; init; }

    /// <summary>Standard output: results only, so it can be piped. Default: discarded.</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>Standard error: errors, hints, progress and <c>--debug</c> dumps. Default: discarded.</summary>
    public TextWriter Error { get; init; } = TextWriter.Null;

    /// <summary>Whether standard output is a terminal (then the default format is a table, with colours).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Whether standard error is a terminal (then progress is a live spinner rather than plain lines).</summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>The terminal's width in columns, or null when unknown (tables then use 100).</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>The directory relative paths (<c>@file</c>, <c>--out</c>) are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The clock for waits, retries and elapsed times (tests drive it by hand). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The environment variables the tool may read. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>An environment variable, or null when unset or blank.</summary>
    /// <param name="name">The variable's name.</param>
    public string? GetVariable(string name)
        => Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The process's real console, environment and working directory.</summary>
    public static CliEnvironment FromConsole()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        int? width = null;
        if (!Console.IsOutputRedirected || !Console.IsErrorRedirected)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : null;
            }
            catch (IOException)
            {
                // No console window (for example under a service manager): tables fall back to the default width.
            }
        }

        return new CliEnvironment
        {
            Input = Console.In,
            IsInputRedirected = Console.IsInputRedirected,
            Output = Console.Out,
            Error = Console.Error,
            IsOutputTerminal = !Console.IsOutputRedirected,
            IsErrorTerminal = !Console.IsErrorRedirected,
            TerminalWidth = width,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            Variables = variables,
        };
    }
}
