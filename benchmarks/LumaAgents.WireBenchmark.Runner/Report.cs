using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LumaAgents.Benchmarks.Wire.Runner;

/// <summary>The results as Markdown tables, ready to paste into BENCHMARKS.md.</summary>
internal static class Report
{
    public static string Markdown(JsonObject results)
    {
        var text = new StringBuilder();
        var machine = results["machine"]!;
        var settings = results["settings"]!;
        text.AppendLine(CultureInfo.InvariantCulture, $"Wire benchmark ({results["mode"]}) of {results["commit"] ?? "unknown"}, {results["date"]}: {machine["cpu"]}, {machine["cores"]} cores, {machine["os"]}, {machine["runtime"]}; server {settings["server"]}; load average {N(machine["loadAtStart"], "0.0")} at start, {N(machine["loadAtEnd"], "0.0")} at end.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{settings["rounds"]} interleaved rounds (medians; ratios are medians of per-round ratios), {settings["startupRuns"]} start-up runs per client, each in a fresh process; thread-pool spin limit {settings["threadPoolSpinLimit"]}.");
        text.AppendLine();
        text.AppendLine("| workload | in flight | requests | CPU µs/request SDK | baseline | **SDK/baseline** (per-round) | allocated B/request SDK | baseline | SDK − baseline | requests/s SDK | baseline |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var w in results["workloads"]!.AsArray())
        {
            var sdk = w!["sdk"]!;
            var baseline = w["baseline"]!;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {w["workload"]} | {w["concurrency"]} | {N(w["requests"], "N0")} | {N(sdk["cpuUsPerRequest"], "0.0")} | {N(baseline["cpuUsPerRequest"], "0.0")} | **{N(w["cpuRatio"], "0.00")}×** ({string.Join(", ", w["cpuRatioByRound"]!.AsArray().Select(r => N(r, "0.00")))}) | {N(sdk["bytesPerRequest"], "N0")} | {N(baseline["bytesPerRequest"], "N0")} | {N(w["bytesDelta"], "+#,0;-#,0")} | {N(sdk["requestsPerSecond"], "N0")} | {N(baseline["requestsPerSecond"], "N0")} |");
        }

        var startup = results["startup"]!;
        text.AppendLine();
        text.AppendLine("| start-up (fresh process, medians) | SDK | baseline | SDK − baseline (median of pairs) |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (figure, label) in new[]
                 {
                     ("startToFirstGetMs", "process start → first GET answered"),
                     ("firstGetMs", "first GET (client built → answered)"),
                     ("firstCreateMs", "first create, right after the first GET"),
                     ("secondGetMs", "second GET"),
                     ("secondCreateMs", "second create"),
                 })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {N(startup["sdk"]![figure], "0.0")} ms | {N(startup["baseline"]![figure], "0.0")} ms | {N(startup["sdkMinusBaseline"]![figure], "+0.0;-0.0")} ms |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The baseline's start-up includes {N(startup["baselineLookupMs"], "0.0")} ms of reflection to find the SDK's internal JSON context (the SDK does not pay it).");
        if (results["coldStart"] is JsonArray coldStart)
        {
            text.AppendLine();
            text.AppendLine("| SDK variant (cold start) | runs | first GET | piece done alone | its JIT'd methods | first create | JIT'd methods | JIT time | allocated | second create |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var v in coldStart)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {v!["variant"]} | {v["runs"]} | {N(v["firstGetMs"], "0.0")} ms | {N(v["primeMs"], "0.0")} ms | {N(v["primeJitMethods"], "0")} | {N(v["firstCreateMs"], "0.0")} ms | {N(v["firstCreateJitMethods"], "0")} | {N(v["firstCreateJitMs"], "0.0")} ms | {N(v["firstCreateAllocatedBytes"], "N0")} B | {N(v["secondCreateMs"], "0.00")} ms |");
            }
        }

        return text.ToString();
    }

    private static string N(JsonNode? node, string format) => node is null ? "–" : node.GetValue<double>().ToString(format, CultureInfo.InvariantCulture);
}
