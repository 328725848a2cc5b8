using System.Globalization;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Output;

/// <summary>
/// <c>--transform</c>: picks part of the result with a dotted path such as <c>output.0.url</c> (also written
/// <c>output[0].url</c> or <c>$.output[0].url</c>; a negative index counts from the end). A missing member gives
/// null, like jq, so a script can test for it; a malformed path is an error.
/// </summary>
internal sealed class JsonTransform
{
    private readonly IReadOnlyList<string> _segments;

    private JsonTransform(IReadOnlyList<string> segments) => _segments = segments;

    public static JsonTransform Parse(string path)
    {
        var text = path.Trim();
        if (text.StartsWith('$'))
        {
            text = text[1..];
        }

        text = text.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Trim('.');
        if (text.Length == 0)
        {
            return new JsonTransform([]);
        }

        var segments = text.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            throw new CliException($"--transform '{path}' has an empty step; write it like output.0.url.");
        }

        return new JsonTransform(segments);
    }

    public JsonNode? Apply(JsonNode? node)
    {
        foreach (var segment in _segments)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) =>
                    (index < 0 ? array.Count + index : index) is var i && i >= 0 && i < array.Count ? array[i] : null,
                _ => null,
            };
        }

        return node;
    }
}
