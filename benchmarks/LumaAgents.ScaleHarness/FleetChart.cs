using System.Globalization;
using ScottPlot;

namespace LumaAgents.ScaleHarness;

/// <summary>
/// Creates and 429s over time, one panel per fleet run, as one PNG (ScottPlot on SkiaSharp, headless): accepted creates
/// per 10 simulated seconds, with the 429s stacked on top, against the rate the account allows on average.
/// </summary>
internal static class FleetChart
{
    private static readonly Color Accepted = Color.FromHex("#30638e");
    private static readonly Color Refused = Color.FromHex("#d1495b");
    private static readonly Color Allowed = Color.FromHex("#555555");

    public static void Render(IReadOnlyList<FleetRun> runs, int requestsPerMinute, string path)
    {
        var top = runs.Max(r => Enumerable.Range(0, Math.Max(r.AcceptedPerBin.Length, r.RefusedPerBin.Length))
            .Select(i => At(r.AcceptedPerBin, i) + At(r.RefusedPerBin, i)).DefaultIfEmpty(0).Max());
        var right = runs.Max(r => Math.Max(r.AcceptedPerBin.Length, r.RefusedPerBin.Length)) * 10.0;
        var plots = runs.Select(run => Panel(run, requestsPerMinute, top, right)).ToArray();

        // Multiplot(Plot) starts with that plot; the parameterless constructor would add an empty one.
        var multiplot = new Multiplot(plots[0]) { Layout = new ScottPlot.MultiplotLayouts.Rows() };
        foreach (var plot in plots.Skip(1))
        {
            multiplot.AddPlot(plot);
        }

        plots[0].Legend.IsVisible = true;
        plots[0].Legend.Alignment = Alignment.UpperRight;
        plots[0].Legend.ManualItems.Add(new LegendItem { LabelText = "creates accepted (201)", FillColor = Accepted });
        plots[0].Legend.ManualItems.Add(new LegendItem { LabelText = "creates refused (429)", FillColor = Refused });
        plots[0].Legend.ManualItems.Add(new LegendItem { LabelText = $"average allowed ({requestsPerMinute}/min)", LineColor = Allowed, LineWidth = 2 });
        multiplot.SavePng(path, 1200, 300 * runs.Count);
    }

    private static Plot Panel(FleetRun run, int requestsPerMinute, int top, double right)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < Math.Max(run.AcceptedPerBin.Length, run.RefusedPerBin.Length); i++)
        {
            var accepted = At(run.AcceptedPerBin, i);
            var refused = At(run.RefusedPerBin, i);
            var centre = i * 10 + 5;
            bars.Add(new Bar { Position = centre, Value = accepted, FillColor = Accepted, Size = 8 });
            if (refused > 0)
            {
                bars.Add(new Bar { Position = centre, ValueBase = accepted, Value = accepted + refused, FillColor = Refused, Size = 8 });
            }
        }

        plot.Add.Bars(bars);
        var allowed = plot.Add.HorizontalLine(requestsPerMinute / 6.0, 2, Allowed, LinePattern.Dashed);
        allowed.LegendText = string.Empty;
        if (run.RedisKilledAtSeconds is { } killed)
        {
            var line = plot.Add.VerticalLine(killed, 2, Refused);
            line.Text = "Redis killed";
            line.LabelOppositeAxis = true;
        }

        var title = string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Mode}: {run.Refused} × 429, peak {run.PeakConcurrentJobs} jobs, window kept {run.ShareOfAllowedRate:P0} full{(run.RedisCallsPerCreate is { } calls ? $", {calls:0.0} Redis calls per create" : string.Empty)}");
        plot.Title(title, size: 15);
        plot.XLabel("simulated seconds since the start (10 s bins)");
        plot.YLabel("creates per 10 s");
        plot.Axes.SetLimits(0, right, 0, top * 1.15 + 1);
        return plot;
    }

    private static int At(int[] values, int index) => index < values.Length ? values[index] : 0;
}
