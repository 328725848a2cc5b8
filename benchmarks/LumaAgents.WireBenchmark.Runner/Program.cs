// Drives the wire benchmark; benchmarks/wire/run.sh builds everything, starts nginx and calls this (see ../wire/README.md).
//   --client PATH --base-url URL --out DIR [--quick] [--rounds N] [--startup-runs N] [--cold-start] [--no-chart] [--spin N]
//   --render DIR/wire-results.json       redraw the tables and the chart of an earlier run
using System.Text.Json.Nodes;
using LumaAgents.Benchmarks.Wire.Runner;

if (args.Length == 2 && args[0] == "--render")
{
    var earlier = JsonNode.Parse(File.ReadAllText(args[1]))!.AsObject();
    var directory = Path.GetDirectoryName(Path.GetFullPath(args[1]))!;
    File.WriteAllText(Path.Combine(directory, "wire-results.md"), Report.Markdown(earlier));
    Chart.Render(earlier, Path.Combine(directory, "wire-chart.png"));
    Console.WriteLine($"Rendered {directory}/wire-results.md and wire-chart.png");
    return 0;
}

var settings = RunnerSettings.Parse(args);
Directory.CreateDirectory(settings.OutputDirectory);
var runner = new WireRunner(settings, new ClientProcess(settings.ClientPath));
try
{
    var results = await runner.RunAsync();
    var json = Path.Combine(settings.OutputDirectory, "wire-results.json");
    File.WriteAllText(json, results.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    var markdown = Path.Combine(settings.OutputDirectory, "wire-results.md");
    File.WriteAllText(markdown, Report.Markdown(results));
    Console.WriteLine(File.ReadAllText(markdown));
    if (settings.Chart)
    {
        var png = Path.Combine(settings.OutputDirectory, "wire-chart.png");
        Chart.Render(results, png);
        Console.WriteLine($"Chart: {png}");
    }

    Console.WriteLine($"Results: {json}");
    return 0;
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine($"wire benchmark: {error.Message}");
    return 1;
}
