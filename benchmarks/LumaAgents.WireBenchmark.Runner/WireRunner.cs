using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace LumaAgents.Benchmarks.Wire.Runner;

/// <summary>
/// Runs everything in fresh processes, interleaved: start-up probes (SDK, baseline, SDK, …), then rounds of the four
/// workloads in which the two clients alternate which goes first (ABBA), so drift in the machine's load falls on both.
/// Ratios are taken within a round and their median reported.
/// </summary>
internal sealed class WireRunner(RunnerSettings settings, ClientProcess client)
{
    public static readonly string[] Workloads = ["get-seq", "get-conc", "create-seq", "create-conc"];

    public static readonly string[] StartupFigures = ["startToFirstGetMs", "firstGetMs", "firstCreateMs", "secondGetMs", "secondCreateMs"];

    private static readonly string[] ColdStartVariants =
        ["default", "no-throttle", "no-validate", "prime-validate", "prime-serialize", "prime-post", "prime-all"];

    private IReadOnlyDictionary<string, string> ChildEnvironment => settings.Spin == "default"
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = settings.Spin };

    public async Task<JsonObject> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        var loadAtStart = ClientProcess.LoadAverage();

        var startup = new JsonArray();
        for (var i = 0; i < settings.StartupRuns; i++)
        {
            foreach (var name in Order(i))
            {
                Progress($"start-up {i + 1}/{settings.StartupRuns} {name}");
                startup.Add(await client.RunAsync(["startup", "--client", name, "--base-url", settings.BaseUrl], ChildEnvironment).ConfigureAwait(false));
            }
        }

        var runs = new JsonArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var workload in Workloads)
            {
                foreach (var name in Order(round))
                {
                    Progress($"round {round + 1}/{settings.Rounds} {workload} {name}");
                    var run = await client.RunAsync(
                    [
                        "run", "--client", name, "--workload", workload, "--base-url", settings.BaseUrl,
                        "--requests", settings.Requests[workload].ToString(CultureInfo.InvariantCulture),
                        "--warmup-seconds", settings.WarmupSeconds.ToString(CultureInfo.InvariantCulture),
                        "--warmup-requests", settings.WarmupRequests.ToString(CultureInfo.InvariantCulture),
                    ], ChildEnvironment).ConfigureAwait(false);
                    run["round"] = round;
                    runs.Add(run);
                }
            }
        }

        var coldStart = new JsonArray();
        if (settings.ColdStart)
        {
            for (var i = 0; i < settings.StartupRuns; i++)
            {
                foreach (var variant in ColdStartVariants)
                {
                    Progress($"cold start {i + 1}/{settings.StartupRuns} {variant}");
                    coldStart.Add(await client.RunAsync(["startup", "--client", "sdk", "--base-url", settings.BaseUrl, "--variant", variant], ChildEnvironment).ConfigureAwait(false));
                }
            }
        }

        return new JsonObject
        {
            ["date"] = started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["mode"] = settings.Quick ? "quick" : "full",
            ["commit"] = settings.Commit,
            ["machine"] = Machine(loadAtStart),
            ["settings"] = new JsonObject
            {
                ["rounds"] = settings.Rounds,
                ["startupRuns"] = settings.StartupRuns,
                ["warmupSeconds"] = settings.WarmupSeconds,
                ["warmupRequests"] = settings.WarmupRequests,
                ["requests"] = new JsonObject(settings.Requests.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
                ["server"] = settings.Server,
                ["threadPoolSpinLimit"] = settings.Spin,
            },
            ["workloads"] = SummarizeWorkloads(runs),
            ["startup"] = SummarizeStartup(startup),
            ["coldStart"] = settings.ColdStart ? SummarizeColdStart(coldStart) : null,
            ["raw"] = new JsonObject { ["startup"] = startup, ["runs"] = runs, ["coldStart"] = coldStart },
        };
    }

    private static string[] Order(int i) => i % 2 == 0 ? ["sdk", "baseline"] : ["baseline", "sdk"];

    private static void Progress(string what) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {what} (load {ClientProcess.LoadAverage():0.0})");

    private static double Num(JsonNode? node, string name) => node![name]!.GetValue<double>();

    private static JsonArray SummarizeWorkloads(JsonArray runs)
    {
        var summary = new JsonArray();
        foreach (var workload in Workloads)
        {
            var ofWorkload = runs.Where(r => r!["workload"]!.GetValue<string>() == workload).ToList();
            JsonNode? Of(string name, int round) => ofWorkload.Single(r => r!["client"]!.GetValue<string>() == name && r["round"]!.GetValue<int>() == round);
            var rounds = ofWorkload.Select(r => r!["round"]!.GetValue<int>()).Distinct().Order().ToArray();

            static double Cpu(JsonNode? run) => Num(run, "cpuSeconds") * 1e6 / Num(run, "requests");
            static double Bytes(JsonNode? run) => Num(run, "bytesPerRequest");
            static double Rate(JsonNode? run) => Num(run, "requestsPerSecond");
            JsonObject Client(string name) => new()
            {
                ["cpuUsPerRequest"] = Stats.Median(rounds.Select(r => Cpu(Of(name, r)))),
                ["cpuSecondsPer10k"] = Stats.Median(rounds.Select(r => Cpu(Of(name, r)) / 100)),
                ["bytesPerRequest"] = Stats.Median(rounds.Select(r => Bytes(Of(name, r)))),
                ["requestsPerSecond"] = Stats.Median(rounds.Select(r => Rate(Of(name, r)))),
                ["cpuUsPerRequestByRound"] = new JsonArray(rounds.Select(r => (JsonNode?)Math.Round(Cpu(Of(name, r)), 2)).ToArray()),
            };

            summary.Add(new JsonObject
            {
                ["workload"] = workload,
                ["concurrency"] = Num(ofWorkload[0], "concurrency"),
                ["requests"] = Num(ofWorkload[0], "requests"),
                ["rounds"] = rounds.Length,
                ["sdk"] = Client("sdk"),
                ["baseline"] = Client("baseline"),
                ["cpuRatio"] = Stats.Median(rounds.Select(r => Cpu(Of("sdk", r)) / Cpu(Of("baseline", r)))),
                ["cpuRatioByRound"] = new JsonArray(rounds.Select(r => (JsonNode?)Math.Round(Cpu(Of("sdk", r)) / Cpu(Of("baseline", r)), 3)).ToArray()),
                ["bytesDelta"] = Stats.Median(rounds.Select(r => Bytes(Of("sdk", r)) - Bytes(Of("baseline", r)))),
                ["rateRatio"] = Stats.Median(rounds.Select(r => Rate(Of("sdk", r)) / Rate(Of("baseline", r)))),
                ["medianLoad"] = Stats.Median(ofWorkload.Select(r => Num(r, "loadBefore"))),
            });
        }

        return summary;
    }

    private static JsonObject SummarizeStartup(JsonArray startup)
    {
        var sdk = startup.Where(r => r!["client"]!.GetValue<string>() == "sdk").ToArray();
        var baseline = startup.Where(r => r!["client"]!.GetValue<string>() == "baseline").ToArray();
        JsonObject Medians(JsonNode?[] runs) => new(StartupFigures.Select(f => KeyValuePair.Create(f, (JsonNode?)Stats.Median(runs.Select(r => Num(r, f))))));
        var pairs = Math.Min(sdk.Length, baseline.Length);
        return new JsonObject
        {
            ["runs"] = pairs,
            ["sdk"] = Medians(sdk),
            ["baseline"] = Medians(baseline),
            ["sdkMinusBaseline"] = new JsonObject(StartupFigures.Select(f => KeyValuePair.Create(
                f, (JsonNode?)Stats.Median(Enumerable.Range(0, pairs).Select(i => Num(sdk[i], f) - Num(baseline[i], f)))))),
            ["baselineLookupMs"] = Stats.Median(baseline.Select(r => Num(r, "baselineLookupMs"))),
            ["medianLoad"] = Stats.Median(startup.Select(r => Num(r, "loadBefore"))),
        };
    }

    private static JsonArray SummarizeColdStart(JsonArray runs)
    {
        var summary = new JsonArray();
        foreach (var variant in ColdStartVariants)
        {
            var ofVariant = runs.Where(r => r!["variant"]!.GetValue<string>() == variant).ToArray();
            double PhaseMedian(string phase, string field) => Stats.Median(ofVariant.Select(r =>
                r!["phases"]!.AsArray().FirstOrDefault(p => p!["name"]!.GetValue<string>() == phase) is { } found ? Num(found, field) : 0));
            summary.Add(new JsonObject
            {
                ["variant"] = variant,
                ["runs"] = ofVariant.Length,
                ["firstGetMs"] = PhaseMedian("first-get", "ms"),
                ["primeMs"] = PhaseMedian(variant, "ms"),
                ["primeJitMethods"] = PhaseMedian(variant, "jitMethods"),
                ["firstCreateMs"] = PhaseMedian("first-create", "ms"),
                ["firstCreateJitMethods"] = PhaseMedian("first-create", "jitMethods"),
                ["firstCreateJitMs"] = PhaseMedian("first-create", "jitMs"),
                ["firstCreateAllocatedBytes"] = PhaseMedian("first-create", "allocatedBytes"),
                ["firstCreateAssemblies"] = PhaseMedian("first-create", "assembliesLoaded"),
                ["secondCreateMs"] = PhaseMedian("second-create", "ms"),
            });
        }

        return summary;
    }

    private static JsonObject Machine(double loadAtStart)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return new JsonObject
        {
            ["cpu"] = cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
            ["cores"] = Environment.ProcessorCount,
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["loadAtStart"] = loadAtStart,
            ["loadAtEnd"] = ClientProcess.LoadAverage(),
        };
    }
}
