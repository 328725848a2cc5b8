using System.CommandLine;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Commands;

/// <summary>A generation id as an argument (<c>luma generations get &lt;id&gt;</c>) or as <c>--generation-id</c>.</summary>
internal sealed class GenerationIdInput
{
    public Argument<string> Argument { get; } = new("id")
    {
        Description = "The generation's id (a UUID from `luma generations create`).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string> Option { get; } = new("--generation-id")
    {
        Description = "The generation's id, as an option instead of the argument.",
        HelpName = "id",
    };

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
            throw new CliException($"two different ids were given ('{positional}' and --generation-id '{named}').", "give the id once");
        }

        return positional ?? named
            ?? throw new CliException("a generation id is required.", $"luma generations {commandName} <id>   (or --generation-id <id>)");
    }
}
