using System.Globalization;

namespace LumaAgents.Benchmarks.Wire.Runner;

/// <summary>How much to run: the full benchmark (the figures in BENCHMARKS.md) or <c>--quick</c> (a look, seconds).</summary>
internal sealed record RunnerSettings
{
    public required string ClientPath { get; init; }

    public required string BaseUrl { get; init; }

    public required string OutputDirectory { get; init; }

    public bool Quick { get; init; }

    public int Rounds { get; init; }

    public int StartupRuns { get; init; }

    public double WarmupSeconds { get; init; }

    public int WarmupRequests { get; init; }

    public required IReadOnlyDictionary<string, int> Requests { get; init; }

    public bool ColdStart { get; init; }

    public bool Chart { get; init; } = true;

    public string Server { get; init; } = "nginx";

    /// <summary>What was measured (run.sh passes the commit of src/), so before and after runs say which is which.</summary>
    public string Commit { get; init; } = "unknown";

    /// <summary>
    /// The thread pool's spin before an idle worker sleeps (DOTNET_ThreadPool_UnfairSemaphoreSpinLimit; the runtime's
    /// default is 70). 0 by default here: a sequential client is idle most of the time, and with spinning on its CPU
    /// time measures how long it waited for the server (and, on a loaded machine, ~100 sched_yield context switches per
    /// request) rather than the work it did. <c>--spin default</c> keeps the runtime's default.
    /// </summary>
    public string Spin { get; init; } = "0";

    public static RunnerSettings Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int? Int(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        var quick = args.Contains("--quick");
        return new RunnerSettings
        {
            ClientPath = Value("client") ?? throw new ArgumentException("--client (the measured client's executable or dll) is required."),
            BaseUrl = Value("base-url") ?? throw new ArgumentException("--base-url is required."),
            OutputDirectory = Value("out") ?? throw new ArgumentException("--out is required."),
            Server = Value("server") ?? "nginx",
            Commit = Value("commit") ?? "unknown",
            Spin = Value("spin") ?? "0",
            Quick = quick,
            Rounds = Int("rounds") ?? (quick ? 2 : 7),
            StartupRuns = Int("startup-runs") ?? (quick ? 3 : 9),
            WarmupSeconds = quick ? 0.5 : 4,
            WarmupRequests = quick ? 300 : 2_000,
            Requests = quick
                ? new Dictionary<string, int> { ["get-seq"] = 1_000, ["get-conc"] = 3_000, ["create-seq"] = 1_000, ["create-conc"] = 2_000 }
                : new Dictionary<string, int> { ["get-seq"] = 10_000, ["get-conc"] = 20_000, ["create-seq"] = 5_000, ["create-conc"] = 10_000 },
            ColdStart = args.Contains("--cold-start"),
            Chart = !args.Contains("--no-chart"),
        };
    }
}
