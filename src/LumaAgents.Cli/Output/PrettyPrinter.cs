using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace LumaAgents.Cli.Output;

/// <summary>
/// <c>--format pretty</c>: an object as a two-column table of dotted field names and values (<c>output.0.url</c>),
/// so any document reads the same way; the state is coloured. A single value prints as itself. URLs (presigned ones
/// run to hundreds of characters) stay out of the table: each is printed after it, alone on its own line, unwrapped
/// and without box characters, so it can be copied whole.
/// </summary>
internal static class PrettyPrinter
{
    /// <summary>Writes the table to <paramref name="console"/> and returns the URL fields to print after it.</summary>
    public static IReadOnlyList<(string Name, string Url)> Write(JsonNode? node, IAnsiConsole console)
    {
        if (node is not (JsonObject or JsonArray))
        {
            if (IsUrl(node, out var url))
            {
                return [(string.Empty, url)];
            }

            console.WriteLine(Scalar(node));
            return [];
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("[bold]field[/]")).AddColumn(new TableColumn("[bold]value[/]"));
        var rows = new List<(string Name, JsonNode? Value)>();
        Flatten(node, string.Empty, rows);
        var urls = new List<(string, string)>();
        foreach (var (name, value) in rows)
        {
            if (IsUrl(value, out var url))
            {
                urls.Add((name, url));
                table.AddRow(new Text(name), new Text("(below)", new Style(Color.Grey)));
            }
            else
            {
                table.AddRow(new Text(name), Value(name, value));
            }
        }

        console.Write(table);
        return urls;
    }

    private static bool IsUrl(JsonNode? node, out string url)
    {
        url = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
        return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
    }

    private static void Flatten(JsonNode? node, string prefix, List<(string, JsonNode?)> rows)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    Flatten(value, prefix.Length == 0 ? key : prefix + "." + key, rows);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], prefix.Length == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : prefix + "." + i, rows);
                }

                break;
            default:
                rows.Add((prefix.Length == 0 ? "(value)" : prefix, node));
                break;
        }
    }

    private static Text Value(string name, JsonNode? value)
    {
        var text = Scalar(value);
        if (name == "state")
        {
            var color = text switch
            {
                "completed" => Color.Green,
                "failed" => Color.Red,
                _ => Color.Yellow,
            };
            return new Text(text, new Style(color, decoration: Decoration.Bold));
        }

        return name is "failure_code" or "failure_reason" ? new Text(text, new Style(Color.Red)) : new Text(text);
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonObject { Count: 0 } => "{}",
        JsonArray { Count: 0 } => "[]",
        _ => node.ToJsonString(),
    };
}
