using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;
using LumaAgents.Serialization;

namespace LumaAgents.Cli.Input;

/// <summary>
/// Builds the request body from, in this order (later wins): the command's defaults; the body (<c>--body</c>, or
/// standard input when it is piped); <c>--field</c>s; object flags (<c>--video</c>, <c>--video.edit</c>, …) merged
/// key by key; then every other flag, which replaces its field. Strings where the API expects an input are read in
/// the <see cref="ImageRefSyntax"/>. The merge happens on JSON nodes and the result is read once by the SDK's
/// source-generated serializer, so the SDK's own model (and its validation) decides what is sent.
/// </summary>
internal sealed class RequestAssembler
{
    private readonly CliEnvironment _environment;
    private readonly FileEmbedding _files;
    private LocalUploads? _uploads;

    public RequestAssembler(CliEnvironment environment)
    {
        _environment = environment;
        _files = new FileEmbedding(environment);
    }

    public JsonObject Assemble(ParseResult parse, RequestInputs inputs)
    {
        _uploads = inputs.Uploads;
        var root = inputs.Defaults?.DeepClone().AsObject() ?? new JsonObject();
        if (ReadBody(parse.GetValue(inputs.Body), inputs.ReadPipedInput) is { } body)
        {
            JsonTree.Merge(root, body);
        }

        foreach (var field in parse.GetValue(inputs.Fields) ?? [])
        {
            ApplyField(root, field);
        }

        // Shallow before deep, objects before leaves: the most specific flag always has the last word.
        var given = inputs.Flags
            .Where(flag => parse.GetResult(flag.Option) is { Implicit: false })
            .OrderBy(flag => flag.Path.Count)
            .ThenBy(flag => flag.Kind == FlagKind.Object ? 0 : 1);
        foreach (var flag in given)
        {
            Apply(root, flag, parse);
        }

        ApplyListMembers(root, [.. inputs.Flags.Where(f => f.Kind == FlagKind.ImageRefListMember && parse.GetResult(f.Option) is { Implicit: false })], parse);

        foreach (var (path, value) in inputs.Overrides)
        {
            JsonTree.Set(root, path, value?.DeepClone(), "argument");
        }

        ExpandImageRefs(root);
        return root;
    }

    /// <summary>Reads the assembled JSON into the SDK's request type (its serializer, its rules for every field).</summary>
    public static GenerationRequest ToRequest(JsonObject body)
    {
        try
        {
            return LumaJson.DeserializeRequest(body.ToJsonString());
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : ex.Path;
            throw new CliException(
                $"the request does not fit the API's shape{(path is null ? string.Empty : " at " + path)}: {FirstLine(ex.Message)}",
                "check the type of that field in the body or flags (luma generations create --help)");
        }
    }

    private JsonObject? ReadBody(string? body, bool readPipedInput)
    {
        if (body is null)
        {
            if (!readPipedInput || !_environment.IsInputRedirected)
            {
                return null;
            }

            var piped = _environment.Input.ReadToEnd();
            return string.IsNullOrWhiteSpace(piped) ? null : DocumentParser.ParseObject(piped, "the body on standard input");
        }

        if (body == "-")
        {
            return DocumentParser.ParseObject(_environment.Input.ReadToEnd(), "the body on standard input");
        }

        if (body.StartsWith('@'))
        {
            return DocumentParser.ParseObject(_files.ReadText(FileEmbedding.PathOf(body[1..]), "--body", body), "--body " + body);
        }

        return DocumentParser.ParseObject(body, "--body");
    }

    private static void ApplyField(JsonObject root, string field)
    {
        var equals = field.IndexOf('=');
        if (equals <= 0)
        {
            throw new CliException($"--field '{field}' must look like path=value, for example --field video.new_option=true.");
        }

        var path = field[..equals].Trim().Split('.');
        if (path.Any(string.IsNullOrWhiteSpace))
        {
            throw new CliException($"--field '{field}' has an empty name in its path.");
        }

        var text = field[(equals + 1)..];
        JsonNode? value;
        try
        {
            // JSON when it parses (numbers, true, null, objects), otherwise the text as a string.
            value = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            value = JsonValue.Create(text);
        }

        JsonTree.Set(root, path, value, "--field " + field[..equals]);
    }

    private void Apply(JsonObject root, RequestFlag flag, ParseResult parse)
    {
        switch (flag.Kind)
        {
            case FlagKind.Bool:
                JsonTree.Set(root, flag.Path, JsonValue.Create(parse.GetValue((Option<bool>)flag.Option)), flag.Name);
                break;
            case FlagKind.Text:
                JsonTree.Set(root, flag.Path, JsonValue.Create(_files.ExpandText(Single(flag, parse), flag.Name)), flag.Name);
                break;
            case FlagKind.Enum:
                JsonTree.Set(root, flag.Path, JsonValue.Create(Single(flag, parse).Trim()), flag.Name);
                break;
            case FlagKind.Number:
                JsonTree.Set(root, flag.Path, JsonValue.Create(Number(Single(flag, parse), flag.Name)), flag.Name);
                break;
            case FlagKind.IntegerList:
                JsonTree.Set(root, flag.Path, new JsonArray([.. Many(flag, parse).SelectMany(v => v.Split(',')).Select(v => (JsonNode?)JsonValue.Create(Integer(v, flag.Name)))]), flag.Name);
                break;
            case FlagKind.ImageRef:
                JsonTree.Set(root, flag.Path, ImageRefSyntax.Parse(Single(flag, parse), _files, flag.Name, _uploads), flag.Name);
                break;
            case FlagKind.ImageRefList:
                JsonTree.Set(root, flag.Path, new JsonArray([.. Many(flag, parse).Select(v => (JsonNode?)ImageRefSyntax.Parse(v, _files, flag.Name, _uploads))]), flag.Name);
                break;
            case FlagKind.Object:
                JsonTree.MergeAt(root, flag.Path, ObjectValue(Single(flag, parse), flag.Name), flag.Name);
                break;
            case FlagKind.SourcePosition:
                JsonTree.Set(root, flag.Path, SourcePosition(Single(flag, parse), flag.Name), flag.Name);
                break;
            case FlagKind.ImageRefListMember:
                // Applied together, in command-line order (see ApplyListMembers).
                break;
        }
    }

    /// <summary>
    /// The official CLI's inner flags of a list (<c>--image-ref.url a --image-ref.url b</c>, or
    /// <c>--image-ref.data @x.png --image-ref.media-type image/png</c>): in command-line order, each sets its member
    /// of the last entry, and starts a new entry when that member is already set. The entries go after any
    /// <c>--image-ref</c> values.
    /// </summary>
    private void ApplyListMembers(JsonObject root, IReadOnlyList<RequestFlag> members, ParseResult parse)
    {
        foreach (var group in members.GroupBy(m => string.Join('.', m.Path.Take(m.Path.Count - 1))))
        {
            var byName = new Dictionary<string, RequestFlag>(StringComparer.Ordinal);
            foreach (var member in group)
            {
                byName[member.Option.Name] = member;
                foreach (var alias in member.Option.Aliases)
                {
                    byName[alias] = member;
                }
            }

            var entries = new List<JsonObject>();
            var tokens = parse.Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Type != TokenType.Option || !byName.TryGetValue(tokens[i].Value, out var member))
                {
                    continue;
                }

                var value = i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Argument ? tokens[i + 1].Value : string.Empty;
                var field = member.Path[^1];
                if (entries.Count == 0 || entries[^1].ContainsKey(field))
                {
                    entries.Add([]);
                }

                entries[^1][field] = _files.ExpandText(value, member.Name);
            }

            if (entries.Count == 0)
            {
                continue;
            }

            var path = group.First().Path.Take(group.First().Path.Count - 1).ToArray();
            if (JsonTree.Get(root, path) is not JsonArray list)
            {
                list = [];
                JsonTree.Set(root, path, list, group.First().Name);
            }

            foreach (var entry in entries)
            {
                list.Add((JsonNode)entry);
            }
        }
    }

    private static string Single(RequestFlag flag, ParseResult parse) => parse.GetValue((Option<string>)flag.Option) ?? string.Empty;

    private static string[] Many(RequestFlag flag, ParseResult parse) => parse.GetValue((Option<string[]>)flag.Option) ?? [];

    private JsonObject ObjectValue(string value, string flagName)
        => value.StartsWith('@')
            ? DocumentParser.ParseObject(_files.ReadText(FileEmbedding.PathOf(value[1..]), flagName, value), value)
            : DocumentParser.ParseObject(value, flagName);

    private JsonObject SourcePosition(string value, string flagName)
    {
        var text = value.Trim();
        if (text.StartsWith('{') || text.StartsWith('@'))
        {
            return ObjectValue(text, flagName);
        }

        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            throw new CliException($"{flagName} takes four numbers x,y,w,h (for example 0,0.25,1,0.5), or a JSON object.");
        }

        return new JsonObject
        {
            ["x_norm"] = Number(parts[0], flagName),
            ["y_norm"] = Number(parts[1], flagName),
            ["w_norm"] = Number(parts[2], flagName),
            ["h_norm"] = Number(parts[3], flagName),
        };
    }

    private void ExpandImageRefs(JsonObject root)
    {
        foreach (var path in RequestFlags.ImageRefPaths)
        {
            var name = string.Join('.', path);
            switch (JsonTree.Get(root, path))
            {
                case JsonValue value when value.TryGetValue<string>(out var text):
                    JsonTree.Set(root, path, ImageRefSyntax.Parse(text, _files, name, _uploads), name);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue item && item.TryGetValue<string>(out var itemText))
                        {
                            array[i] = ImageRefSyntax.Parse(itemText, _files, $"{name}[{i}]", _uploads);
                        }
                    }

                    break;
            }
        }
    }

    private static double Number(string text, string flagName)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new CliException($"{flagName}: '{text}' is not a number.");

    private static int Integer(string text, string flagName)
        => int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CliException($"{flagName}: '{text}' is not a whole number.");

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
