namespace LumaAgents.Cli.Errors;

/// <summary>
/// A problem the tool found itself, before or around an API call: a bad flag value, an unreadable body, a missing
/// id or key. The message says what is wrong; <see cref="Hint"/> says how to fix it.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message, string? hint = null, int exitCode = ExitCodes.Validation, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
        ExitCode = exitCode;
    }

    /// <summary>One line on how to fix it, or null.</summary>
    public string? Hint { get; }

    /// <summary>The exit code (usage and input problems are <see cref="ExitCodes.Validation"/>).</summary>
    public int ExitCode { get; }
}
