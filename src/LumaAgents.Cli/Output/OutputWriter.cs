using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace LumaAgents.Cli.Output;

/// <summary>
/// Writes results to standard output in the chosen <c>--format</c>, after <c>--transform</c>. With
/// <c>--raw-output</c> a string result prints without quotes (as <c>jq -r</c> does), so
/// <c>--transform output.0.url --raw-output</c> gives a bare URL.
/// </summary>
internal sealed class OutputWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _out;
    private readonly JsonTransform? _transform;
    private readonly bool _rawOutput;
    private readonly CliEnvironment _environment;
    private string? _lastLine;

    public OutputWriter(CliEnvironment environment, OutputFormatKind format, JsonTransform? transform, bool rawOutput)
    {
        _environment = environment;
        _out = environment.Output;
        Format = format == OutputFormatKind.Auto ? (environment.IsOutputTerminal ? OutputFormatKind.Pretty : OutputFormatKind.Json) : format;
        _transform = transform;
        _rawOutput = rawOutput;
    }

    /// <summary>The format in use (<see cref="OutputFormatKind.Auto"/> resolved).</summary>
    public OutputFormatKind Format { get; }

    /// <summary>Whether intermediate states are written to standard output as they happen (JSON Lines).</summary>
    public bool Streams => Format == OutputFormatKind.Jsonl;

    /// <summary>A state change during a wait: a line in JSON Lines, nothing in the other formats.</summary>
    public void WriteProgress(JsonNode document)
    {
        if (Streams)
        {
            WriteLine(Render(document));
        }
    }

    /// <summary>The command's result.</summary>
    public void WriteResult(JsonNode? document)
    {
        var text = Render(document);
        if (Streams && text == _lastLine)
        {
            // The final state already went out as the last progress line.
            return;
        }

        WriteLine(text);
    }

    private string Render(JsonNode? document)
    {
        var node = _transform is null ? document : _transform.Apply(document);
        if (_rawOutput && node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        switch (Format)
        {
            case OutputFormatKind.Yaml:
                var yaml = new StringWriter();
                JsonToYaml.Write(node, yaml);
                return yaml.ToString().TrimEnd('\r', '\n');
            case OutputFormatKind.Pretty:
                var table = new StringWriter();
                var urls = PrettyPrinter.Write(node, CreateConsole(table));
                foreach (var (name, url) in urls)
                {
                    // Written past the console: it would wrap a long URL at the terminal's width.
                    table.Write(name.Length == 0 ? url + "\n" : name + ":\n" + url + "\n");
                }

                return table.ToString().TrimEnd('\r', '\n');
            case OutputFormatKind.Json:
                return node is null ? "null" : node.ToJsonString(Indented);
            default:
                return node is null ? "null" : node.ToJsonString(Compact);
        }
    }

    private IAnsiConsole CreateConsole(TextWriter writer)
    {
        var colors = _environment.IsOutputTerminal
            && _environment.GetVariable("NO_COLOR") is null
            && _environment.GetVariable("TERM") != "dumb";
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colors ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = _environment.TerminalWidth ?? 100;
        return console;
    }

    private void WriteLine(string text)
    {
        _lastLine = text;
        _out.WriteLine(text);
    }
}
