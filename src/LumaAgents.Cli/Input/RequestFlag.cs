using System.CommandLine;

namespace LumaAgents.Cli.Input;

/// <summary>
/// One flag of <c>generations create</c> and <c>generate</c>: its option, the wire path it sets (snake_case, as the
/// API spells it) and how its text becomes JSON. The flag's name is the path in kebab case: <c>video.exr_export</c>
/// is <c>--video.exr-export</c>.
/// </summary>
internal sealed class RequestFlag
{
    public RequestFlag(string wirePath, FlagKind kind, string description, IEnumerable<string>? knownValues = null)
    {
        Path = wirePath.Split('.');
        Kind = kind;
        KnownValues = knownValues?.ToArray() ?? [];
        var name = "--" + (wirePath == "image_ref" ? "image-ref" : wirePath.Replace('_', '-'));
        Option = kind switch
        {
            FlagKind.Bool => new Option<bool>(name) { Description = description, Arity = ArgumentArity.ZeroOrOne },
            FlagKind.ImageRefList or FlagKind.IntegerList or FlagKind.ImageRefListMember => new Option<string[]>(name) { Description = description, HelpName = HelpNameFor(kind) },
            _ => new Option<string>(name) { Description = description, HelpName = HelpNameFor(kind) },
        };
        if (KnownValues.Count > 0)
        {
            Option.CompletionSources.Add(KnownValues.ToArray());
            if (KnownValues.Count > 6)
            {
                // A long list of values would crowd the usage column; the description lists them instead.
                Option.HelpName = "value";
                Option.Description = description + " One of: " + string.Join(", ", KnownValues) + ".";
            }
        }
        else if (kind == FlagKind.Bool)
        {
            Option.CompletionSources.Add("true", "false");
        }
    }

    /// <summary>Where the value goes in the request JSON.</summary>
    public IReadOnlyList<string> Path { get; }

    public FlagKind Kind { get; }

    /// <summary>The values the SDK knows, for completion and help (others are still accepted).</summary>
    public IReadOnlyList<string> KnownValues { get; }

    public Option Option { get; }

    public string Name => Option.Name;

    private static string? HelpNameFor(FlagKind kind) => kind switch
    {
        FlagKind.ImageRef or FlagKind.ImageRefList => "ref",
        FlagKind.Object => "json|@file",
        FlagKind.IntegerList => "n[,n…]",
        FlagKind.SourcePosition => "x,y,w,h",
        FlagKind.Number => "number",
        FlagKind.Text or FlagKind.ImageRefListMember => "text|@file",
        _ => null,
    };
}
