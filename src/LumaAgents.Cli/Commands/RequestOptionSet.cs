using System.CommandLine;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Input;

namespace LumaAgents.Cli.Commands;

/// <summary>The options that build a request: a flag per field, <c>--body</c>, <c>--field</c>, <c>--no-validate</c>, <c>--dry-run</c>.</summary>
internal sealed class RequestOptionSet
{
    /// <summary>How the body and the flags combine, for help texts.</summary>
    public static string Precedence(bool readsPipedInput)
        => "The request is built from, in order (later wins): the body (--body @file.json|@file.yaml|-|'{...}'"
           + (readsPipedInput ? ", or JSON/YAML piped on stdin" : string.Empty)
           + "), --field path=value, object flags (--video '{...}', --video.edit @edit.yaml) merged key by key, then every "
           + "other flag. Text flags take @file to read a file (@@ for a literal @).";

    public RequestOptionSet(bool includePrompt)
    {
        Flags = includePrompt ? RequestFlags.Create() : [.. RequestFlags.Create().Where(f => f.Name != "--prompt")];
    }

    public IReadOnlyList<RequestFlag> Flags { get; }

    public Option<string> Body { get; } = new("--body")
    {
        Description = "The request body as JSON or YAML: @file, - for stdin, or inline. Flags override its fields.",
        HelpName = "@file|-|json",
    };

    public Option<string[]> Fields { get; } = new("--field")
    {
        Description = "Set any field by its wire path (JSON value, else text), e.g. --field video.new_option=true.",
        HelpName = "path=value",
    };

    public Option<bool> NoValidate { get; } = new("--no-validate")
    {
        Description = "Skip the SDK's client-side checks and let the server decide.",
    };

    public Option<string> Upload { get; } = CreateUpload();

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Print the request that would be sent, and send nothing.",
    };

    public void AddTo(Command command)
    {
        foreach (var flag in Flags)
        {
            command.Options.Add(flag.Option);
        }

        command.Options.Add(Body);
        command.Options.Add(Fields);
        command.Options.Add(NoValidate);
        command.Options.Add(DryRun);
        command.Options.Add(Upload);
    }

    public RequestInputs Inputs(ParseResult parse, bool readPipedInput, JsonObject? defaults = null, IReadOnlyList<(string[] Path, JsonNode? Value)>? overrides = null) => new()
    {
        Uploads = new LocalUploads(LocalUploads.ParseMode(parse.GetValue(Upload))),
        Flags = Flags,
        Body = Body,
        Fields = Fields,
        ReadPipedInput = readPipedInput,
        Defaults = defaults,
        Overrides = overrides ?? [],
    };

    private static Option<string> CreateUpload()
    {
        var option = new Option<string>("--upload") { Description = LocalUploads.Help, HelpName = "auto|always|never" };
        option.AcceptOnlyFromAmong(LocalUploads.Modes);
        return option;
    }
}
