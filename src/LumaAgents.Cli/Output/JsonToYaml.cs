using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LumaAgents.Cli.Output;

/// <summary>
/// Writes JSON nodes as a YAML document. Strings that a YAML reader would take for something else (<c>true</c>,
/// <c>null</c>, <c>42</c>, <c>16:9</c>, which YAML 1.1 reads as a base-60 number) are double-quoted, so the YAML
/// reads back to the same JSON.
/// </summary>
internal static partial class JsonToYaml
{
    public static void Write(JsonNode? node, TextWriter writer)
    {
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitString(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        EmitString(emitter, value.GetValue<string>());
                        break;
                    case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number:
                        emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                        break;
                    default:
                        emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                        break;
                }

                break;
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = Ambiguous().IsMatch(text) || text.Length == 0 ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    /// <summary>Plain scalars that YAML 1.1 or 1.2 readers resolve to null, booleans, numbers, dates or base-60 numbers.</summary>
    [GeneratedRegex(
        @"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
        + @"|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0[xob][0-9a-fA-F_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
        + @"|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Ambiguous();
}
