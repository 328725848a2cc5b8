namespace LumaAgents.Cli.Commands;

/// <summary>Words of a command line the user can paste back: quoted only when the shell would split or expand them.</summary>
internal static class ShellWords
{
    public static string Quote(string word)
        => word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or ',' or '@' or '%')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
