using System.CommandLine;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// A resource id as an argument (<c>luma generations get &lt;id&gt;</c>) or as an option (<c>--generation-id</c>,
/// <c>--file-id</c>, the official CLI's form); given both ways, the two must agree.
/// </summary>
internal sealed class IdInput
{
    private readonly string _group;
    private readonly string _noun;
    private readonly string? _prefix;

    private IdInput(string group, string noun, string optionName, string source, string? prefix)
    {
        _group = group;
        _noun = noun;
        _prefix = prefix;
        Argument = new Argument<string>("id")
        {
            Description = $"The {noun}'s id ({source}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option = new Option<string>(optionName)
        {
            Description = $"The {noun}'s id, as an option instead of the argument.",
            HelpName = "id",
        };
    }

    public Argument<string> Argument { get; }

    public Option<string> Option { get; }

    /// <summary>A generation's id: <c>&lt;id&gt;</c> or <c>--generation-id</c>.</summary>
    public static IdInput Generation() => new("generations", "generation", "--generation-id", "a UUID from `luma generations create`", prefix: null);

    /// <summary>A file's id: <c>&lt;id&gt;</c> or <c>--file-id</c>; the <c>file:</c> form the tool prints is accepted too.</summary>
    public static IdInput File() => new("files", "file", "--file-id", "from `luma files upload` or `luma files list`", prefix: "file:");

    public void AddTo(Command command)
    {
        command.Arguments.Add(Argument);
        command.Options.Add(Option);
    }

    public string Read(ParseResult parse, string commandName)
    {
        var positional = parse.GetValue(Argument);
        var named = parse.GetValue(Option);
        if (positional is not null && named is not null && positional != named)
        {
            throw new CliException($"two different ids were given ('{positional}' and {Option.Name} '{named}').", "give the id once");
        }

        var id = positional ?? named
            ?? throw new CliException($"a {_noun} id is required.", $"luma {_group} {commandName} <id>   (or {Option.Name} <id>)");
        return _prefix is not null && id.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase) ? id[_prefix.Length..] : id;
    }
}
