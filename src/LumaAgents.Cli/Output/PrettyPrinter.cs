using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace LumaAgents.Cli.Output;

/// <summary>
/// <c>--format pretty</c>: an object as a two-column table of dotted field names and values (<c>output.0.url</c>),
/// so any document reads the same way; the state is coloured. A single value prints as itself.
/// </summary>
internal static class PrettyPrinter
{
    public static void Write(JsonNode? node, IAnsiConsole console)
    {
        if (node is not (JsonObject or JsonArray))
        {
            console.WriteLine(Scalar(node));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("[bold]field[/]")).AddColumn(new TableColumn("[bold]value[/]"));
        var rows = new List<(string Name, JsonNode? Value)>();
        Flatten(node, string.Empty, rows);
        foreach (var (name, value) in rows)
        {
            table.AddRow(new Text(name), Value(name, value));
        }

        console.Write(table);
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
