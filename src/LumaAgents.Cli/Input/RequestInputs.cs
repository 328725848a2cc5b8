using System.CommandLine;
using System.Text.Json.Nodes;

namespace LumaAgents.Cli.Input;

/// <summary>What a command contributes to <see cref="RequestAssembler"/>: its flags, and its own defaults and values.</summary>
internal sealed class RequestInputs
{
    public required IReadOnlyList<RequestFlag> Flags { get; init; }

    /// <summary><c>--body</c>: <c>@file</c>, <c>-</c> for standard input, or inline JSON/YAML.</summary>
    public required Option<string> Body { get; init; }

    /// <summary><c>--field path=value</c>, for fields without a flag (new API fields).</summary>
    public required Option<string[]> Fields { get; init; }

    /// <summary>Whether piped standard input is read as the body when <c>--body</c> is absent.</summary>
    public bool ReadPipedInput { get; init; }

    /// <summary>Values under the body (the command's defaults), or null.</summary>
    public JsonObject? Defaults { get; init; }

    /// <summary>The local inputs to upload through the Files API (<c>--upload</c>), gathered while the request is assembled.</summary>
    public LocalUploads Uploads { get; init; } = new(UploadMode.Auto);

    /// <summary>Values over every flag (a positional prompt).</summary>
    public IReadOnlyList<(string[] Path, JsonNode? Value)> Overrides { get; init; } = [];
}
