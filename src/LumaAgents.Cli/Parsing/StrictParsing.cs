using System.CommandLine;
using System.CommandLine.Parsing;

namespace LumaAgents.Cli.Parsing;

/// <summary>
/// Nothing the user did not mean as a value may reach a request: every unknown option and every extra word is a
/// usage error (exit 2, nothing sent), for every command. System.CommandLine reports extra tokens itself, but it
/// lets a command argument take a token that looks like an option (<c>luma generate image --aspect</c> would make
/// "--aspect" the prompt); that is caught here too. A literal value starting with '-' goes after <c>--</c>.
/// </summary>
internal static partial class StrictParsing
{
    public static IReadOnlyList<UsageProblem> Check(ParseResult parse)
    {
        var problems = new List<UsageProblem>();
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;

        foreach (var token in OptionLikeArguments(parse))
        {
            problems.Add(UnknownOption(token, parse));
        }

        // After an unknown option, the next word is most likely its value: name the option alone.
        var unknownOptions = unmatched.Where(LooksLikeOption).ToList();
        foreach (var token in unknownOptions.Count > 0 ? unknownOptions : unmatched)
        {
            problems.Add(LooksLikeOption(token) ? UnknownOption(token, parse) : UnexpectedArgument(token, parse));
        }

        foreach (var error in parse.Errors)
        {
            // Extra tokens were described above, in the tool's words.
            if (!unmatched.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)))
            {
                problems.Add(ValueProblem(error.Message) ?? new UsageProblem(error.Message.TrimEnd('.'), null));
            }
        }

        return problems;
    }

    /// <summary>
    /// System.CommandLine's "Cannot parse argument 'abc' for option '--limit' as expected type
    /// 'System.Nullable`1[System.Int32]'" in the tool's words: the flag, the value and what it must be.
    /// </summary>
    internal static UsageProblem? ValueProblem(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var (value, name, type) = (match.Groups["value"].Value, match.Groups["name"].Value, match.Groups["type"].Value);
        var expected = type switch
        {
            _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal)
                || type.Contains("Single", StringComparison.Ordinal) => "a number",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "a duration such as 30s, 5m or 00:05:00",
            _ when type.Contains("DateTime", StringComparison.Ordinal) => "a date and time such as 2026-12-31T00:00:00Z",
            _ when type.Contains("Uri", StringComparison.Ordinal) => "a URL",
            _ => "a value of the right kind",
        };
        return new UsageProblem($"{name}: '{value}' is not {expected}", null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CannotParse();

    /// <summary><c>-x</c> or <c>--xyz</c>: a negative number such as <c>-0.5</c> is a value.</summary>
    internal static bool LooksLikeOption(string token)
        => token.Length > 1 && token[0] == '-'
           && (char.IsLetter(token[1]) || (token[1] == '-' && token.Length > 2 && char.IsLetter(token[2])));

    /// <summary>Tokens that a command's argument took although they look like options, before any <c>--</c>.</summary>
    private static IEnumerable<string> OptionLikeArguments(ParseResult parse)
    {
        var taken = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult commandResult)
            {
                foreach (var argument in commandResult.Children.OfType<ArgumentResult>())
                {
                    taken.UnionWith(argument.Tokens);
                }
            }
        }

        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                yield break;
            }

            if (taken.Contains(token) && LooksLikeOption(token.Value))
            {
                yield return token.Value;
            }
        }
    }

    private static UsageProblem UnknownOption(string token, ParseResult parse)
    {
        var name = token.Split('=', 2)[0];
        var suggestion = Suggestions.Closest(name, OptionNames(parse.CommandResult));
        var hint = suggestion is not null
            ? $"did you mean {suggestion}?"
            : $"run '{CommandPath(parse)} --help' for the options";
        if (suggestion is null && parse.CommandResult.Command.Arguments.Any(a => a.Name == "prompt"))
        {
            hint += "; a prompt that starts with '-' goes after --, e.g. luma generate image -- \"-the prompt\"";
        }

        return new UsageProblem($"unknown option '{name}' for '{CommandPath(parse)}' (nothing was sent)", hint);
    }

    private static UsageProblem UnexpectedArgument(string token, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        string hint;
        if (command.Arguments.Any(a => a.Name == "prompt"))
        {
            hint = $"the prompt is one argument: quote it, e.g. {CommandPath(parse)} \"a cat in a hat\"; durations are one word too (--timeout 5m)";
        }
        else if (command.Subcommands.Count > 0)
        {
            var suggestion = Suggestions.Closest(token, command.Subcommands.Select(c => c.Name));
            hint = suggestion is not null
                ? $"did you mean '{CommandPath(parse)} {suggestion}'?"
                : $"the commands are: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        }
        else
        {
            hint = $"run '{CommandPath(parse)} --help' for usage";
        }

        return new UsageProblem($"unexpected argument '{token}' for '{CommandPath(parse)}' (nothing was sent)", hint);
    }

    /// <summary>The options a token could have meant: the command's own and the recursive ones of its parents.</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        var own = true;
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                foreach (var option in commandResult.Command.Options.Where(o => !o.Hidden && (own || o.Recursive)))
                {
                    yield return option.Name;
                    foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                    {
                        yield return alias;
                    }
                }

                own = false;
            }
        }
    }

    internal static string CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Push(result.Command is RootCommand ? "luma" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}

/// <summary>One usage error: what is wrong, and how to fix it.</summary>
internal sealed record UsageProblem(string Message, string? Hint);
