using System.Globalization;
using System.Text.Json.Nodes;
using ScottPlot;

namespace LumaAgents.Benchmarks.Wire.Runner;

/// <summary>
/// The side-by-side figures as one PNG (ScottPlot on SkiaSharp, headless): CPU per request, allocation per request and
/// start-up, SDK next to the baseline, with the SDK/baseline ratio over each pair.
/// </summary>
internal static class Chart
{
    private static readonly Color Sdk = Color.FromHex("#d1495b");
    private static readonly Color Baseline = Color.FromHex("#30638e");

    public static void Render(JsonObject results, string path)
    {
        var workloads = results["workloads"]!.AsArray();
        var labels = workloads.Select(w => $"{w!["workload"]}\n({w["concurrency"]} in flight)").ToArray();

        var cpu = Grouped(
            "CPU per request (µs, client process)", labels,
            workloads.Select(w => V(w!["sdk"]!["cpuUsPerRequest"])).ToArray(),
            workloads.Select(w => V(w!["baseline"]!["cpuUsPerRequest"])).ToArray(),
            workloads.Select(w => $"{V(w!["cpuRatio"]).ToString("0.00", CultureInfo.InvariantCulture)}×").ToArray());
        var bytes = Grouped(
            "Allocated per request (KB)", labels,
            workloads.Select(w => V(w!["sdk"]!["bytesPerRequest"]) / 1024).ToArray(),
            workloads.Select(w => V(w!["baseline"]!["bytesPerRequest"]) / 1024).ToArray(),
            workloads.Select(w => $"{V(w!["bytesDelta"]).ToString("+0;-0", CultureInfo.InvariantCulture)} B").ToArray());

        var startup = results["startup"]!;
        var delta = startup["sdkMinusBaseline"]!;
        var start = Grouped(
            "Start-up, fresh process (ms)", ["process start\n→ first GET", "first create\n(after first GET)"],
            [V(startup["sdk"]!["startToFirstGetMs"]), V(startup["sdk"]!["firstCreateMs"])],
            [V(startup["baseline"]!["startToFirstGetMs"]), V(startup["baseline"]!["firstCreateMs"])],
            [$"{V(delta["startToFirstGetMs"]).ToString("+0;-0", CultureInfo.InvariantCulture)} ms", $"{V(delta["firstCreateMs"]).ToString("+0;-0", CultureInfo.InvariantCulture)} ms"]);

        // Multiplot(Plot) starts with that plot; the parameterless constructor would add an empty one.
        var multiplot = new Multiplot(cpu) { Layout = new ScottPlot.MultiplotLayouts.Columns() };
        multiplot.AddPlot(bytes);
        multiplot.AddPlot(start);
        cpu.Legend.IsVisible = true;
        cpu.Legend.Alignment = Alignment.UpperLeft;
        cpu.Legend.ManualItems.Add(new LegendItem { LabelText = "LumaAgents SDK", FillColor = Sdk });
        cpu.Legend.ManualItems.Add(new LegendItem { LabelText = "hand-written HttpClient + STJ", FillColor = Baseline });
        multiplot.SavePng(path, 1350, 500);
    }

    private static Plot Grouped(string title, string[] groups, double[] sdk, double[] baseline, string[] notes)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < groups.Length; i++)
        {
            var centre = i * 3;
            bars.Add(new Bar { Position = centre - 0.5, Value = sdk[i], FillColor = Sdk, Label = notes[i] });
            bars.Add(new Bar { Position = centre + 0.5, Value = baseline[i], FillColor = Baseline });
            ticks.Add(new Tick(centre, groups[i]));
        }

        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 13;
        plotted.ValueLabelStyle.Bold = true;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.35);
        plot.Title(title, size: 15);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }

    private static double V(JsonNode? node) => node!.GetValue<double>();
}
