using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LumaAgents.Redis.Tests.Support;
using LumaAgents.Testing;
using StackExchange.Redis;

namespace LumaAgents.ScaleHarness;

/// <summary>
/// Several processes on one account against one simulator (requests per minute and concurrent jobs limited), each
/// running CreateAndWaitAsync on its share of the jobs: first each on its own in-process limits, then sharing them on
/// Redis, then on Redis with Redis killed mid-run. In compressed time (see <see cref="ScaledTimeProvider"/>).
/// </summary>
internal static class FleetScenario
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Bin = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(int processes, int jobs, int requestsPerMinute, int maxJobs, double factor, string outputDirectory)
    {
        Console.WriteLine($"fleet: {processes} processes, {jobs} jobs, {requestsPerMinute}/min and {maxJobs} concurrent jobs per account, time ×{factor}");
        await using var redis = await RedisServer.StartAsync();
        var runs = new List<FleetRun>();
        // LUMA_FLEET_MODES=redis (comma-separated) runs only those, for a closer look with LUMA_LOG=debug and LUMA_FLEET_TRACE=<folder>.
        var modes = Environment.GetEnvironmentVariable("LUMA_FLEET_MODES") is { Length: > 0 } only ? only.Split(',') : ["uncoordinated", "redis", "redis-killed"];
        foreach (var mode in modes)
        {
            runs.Add(await RunOnceAsync(mode, redis, processes, jobs, requestsPerMinute, maxJobs, factor));
            Console.WriteLine(runs[^1].Describe(requestsPerMinute, maxJobs));
        }

        Directory.CreateDirectory(outputDirectory);
        var json = Path.Combine(outputDirectory, "fleet.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { processes, jobs, requestsPerMinute, maxJobs, factor, machine = $"{Environment.ProcessorCount} cores", runs }, new JsonSerializerOptions { WriteIndented = true }));
        var png = Path.Combine(outputDirectory, "fleet.png");
        FleetChart.Render(runs, requestsPerMinute, png);
        Console.WriteLine($"wrote {json} and {png}");
        return runs.All(r => r.Errors.Length == 0) ? 0 : 1;
    }

    private static async Task<FleetRun> RunOnceAsync(string mode, RedisServer redisServer, int processes, int jobs, int requestsPerMinute, int maxJobs, double factor)
    {
        var shared = mode != "uncoordinated";
        var killed = mode == "redis-killed";
        var redis = redisServer;
        ConnectionMultiplexer? stats = null;
        if (shared)
        {
            stats = await ConnectionMultiplexer.ConnectAsync(redis.Address + ",allowAdmin=true");
            await stats.GetServer(stats.GetEndPoints()[0]).ConfigResetStatisticsAsync();
        }

        var epoch = DateTimeOffset.UtcNow;
        var time = new ScaledTimeProvider(epoch, factor);
        await using var api = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = time,
            RequestsPerMinute = requestsPerMinute,
            MaxConcurrentJobs = maxJobs,
            QueuedFor = TimeSpan.Zero,
            ProcessingFor = TimeSpan.FromSeconds(3),
        });
        var prefix = "fleet-" + Guid.NewGuid().ToString("N")[..8];
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, processes).Select(i => StartWorker(
        [
            "fleet-worker", "--index", I(i), "--jobs", I(jobs / processes + (i < jobs % processes ? 1 : 0)), "--max-jobs", I(maxJobs),
            "--base-url", api.BaseUrl.ToString(), "--api-key", api.ApiKey, "--epoch", I(epoch.ToUnixTimeMilliseconds()), "--factor", factor.ToString(CultureInfo.InvariantCulture),
            .. shared ? new[] { "--redis", redis.Address, "--prefix", prefix } : [],
        ])).ToArray();

        DateTimeOffset? killedAt = null;
        // Redis calls per create are counted on the run Redis survives.
        Dictionary<string, long>? commands = null;
        if (killed)
        {
            // Mid-run: once a third of the jobs exist, Redis dies (SIGKILL) and stays dead.
            while (api.Generations.Count < jobs / 3 && !workers.All(w => w.HasExited))
            {
                await Task.Delay(5);
            }

            await redis.KillAsync();
            killedAt = time.GetUtcNow();
        }

        var reports = new List<WorkerReport>();
        foreach (var worker in workers)
        {
            var output = await worker.StandardOutput.ReadToEndAsync();
            await worker.WaitForExitAsync();
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'))
                ?? throw new InvalidOperationException($"A fleet worker exited with {worker.ExitCode} and no report: {output}{await worker.StandardError.ReadToEndAsync()}");
            reports.Add(JsonSerializer.Deserialize<WorkerReport>(line)!);
        }

        if (shared && !killed)
        {
            commands = await CommandStatsAsync(stats!);
        }

        if (stats is not null)
        {
            await stats.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("LUMA_FLEET_TRACE") is { Length: > 0 } trace)
        {
            await File.WriteAllLinesAsync(Path.Combine(trace, mode + ".csv"), api.Requests.Select(r => string.Create(
                CultureInfo.InvariantCulture, $"{(r.ReceivedAt - epoch).TotalSeconds:0.000},{r.RouteKind},{r.StatusCode},{r.GenerationId ?? r.Path.Split('/').Last()}")));
        }

        var creates = api.Requests.Where(r => r.RouteKind == RouteKind.Create).ToArray();
        var accepted = creates.Where(r => r.StatusCode == 201).Select(r => r.ReceivedAt - epoch).Order().ToArray();
        var refused = creates.Where(r => r.StatusCode == 429).Select(r => r.ReceivedAt - epoch).Order().ToArray();
        var generations = api.Generations;
        return new FleetRun(
            mode,
            factor,
            accepted.Length,
            generations.Count,
            refused.Length,
            Merge(reports.Select(r => r.RateLimited)),
            reports.Sum(r => r.RateLimitExceptions),
            reports.SelectMany(r => r.Errors).ToArray(),
            reports.Sum(r => r.Completed),
            PeakConcurrent(generations, epoch),
            accepted.Length == 0 ? 0 : accepted.Max(t => accepted.Count(u => u >= t && u < t + Window)),
            accepted.Length == 0 ? 0 : (accepted[^1] - accepted[0]).TotalSeconds,
            Share(accepted, requestsPerMinute),
            commands,
            killedAt is { } at ? (at - epoch).TotalSeconds : null,
            reports.Sum(r => r.FailOpens),
            stopwatch.Elapsed.TotalSeconds,
            Bins(accepted),
            Bins(refused));
    }

    /// <summary>
    /// How full the account's window was kept, once it could be full: the time average, from one window after the first
    /// accepted create to the last one, of the creates accepted in the trailing 60 s, over the limit. A fleet that sends
    /// each create the moment the window has room scores 100 % whatever the job limit does to the pace; every second a
    /// create could have gone but did not, or a window spent on nothing, lowers it.
    /// </summary>
    private static double Share(TimeSpan[] accepted, int limit)
    {
        if (accepted.Length == 0 || accepted[^1] <= accepted[0] + Window)
        {
            return 0;
        }

        var start = accepted[0] + Window;
        var end = accepted[^1];
        var changes = accepted.Select(a => (At: a, Delta: 1)).Concat(accepted.Select(a => (At: a + Window, Delta: -1))).OrderBy(c => c.At).ThenBy(c => c.Delta);
        double area = 0;
        var count = 0;
        var last = start;
        foreach (var (at, delta) in changes)
        {
            if (at > start)
            {
                var until = at < end ? at : end;
                if (until > last)
                {
                    area += count * (until - last).TotalSeconds;
                    last = until;
                }
            }

            count += delta;
        }

        return area / ((end - start).TotalSeconds * limit);
    }

    /// <summary>The most generations unfinished at once on the simulator's own clock (created, not yet terminal).</summary>
    private static int PeakConcurrent(IReadOnlyList<FakeGeneration> generations, DateTimeOffset epoch)
    {
        var events = generations.SelectMany(g => new[] { (At: g.CreatedAt, Delta: 1), (At: g.FinishedAt ?? DateTimeOffset.MaxValue, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int current = 0, peak = 0;
        foreach (var (_, delta) in events)
        {
            current += delta;
            peak = Math.Max(peak, current);
        }

        return peak;
    }

    private static int[] Bins(TimeSpan[] times)
    {
        if (times.Length == 0)
        {
            return [];
        }

        var bins = new int[(int)(times[^1] / Bin) + 1];
        foreach (var t in times)
        {
            bins[(int)(t / Bin)]++;
        }

        return bins;
    }

    private static Dictionary<string, long> Merge(IEnumerable<Dictionary<string, long>> all)
    {
        var merged = new Dictionary<string, long>();
        foreach (var one in all)
        {
            foreach (var (kind, count) in one)
            {
                merged[kind] = merged.GetValueOrDefault(kind) + count;
            }
        }

        return merged;
    }

    /// <summary>Every command Redis served since the statistics were reset (the harness's own INFO/CONFIG left out).</summary>
    private static async Task<Dictionary<string, long>> CommandStatsAsync(ConnectionMultiplexer stats)
    {
        var info = await stats.GetServer(stats.GetEndPoints()[0]).InfoAsync("commandstats");
        var counts = new Dictionary<string, long>();
        foreach (var pair in info.SelectMany(g => g))
        {
            // cmdstat_evalsha: calls=123,usec=…
            var name = pair.Key.Replace("cmdstat_", string.Empty, StringComparison.Ordinal);
            if (name is "info" or "config|resetstat" or "config")
            {
                continue;
            }

            var calls = pair.Value.Split(',').First(p => p.StartsWith("calls=", StringComparison.Ordinal))["calls=".Length..];
            counts[name] = long.Parse(calls, CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static Process StartWorker(string[] arguments)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FleetScenario).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The figures of one fleet run (times in simulated seconds from the run's start).</summary>
internal sealed record FleetRun(
    string Mode,
    double TimeFactor,
    int Accepted,
    int Generations,
    int Refused,
    Dictionary<string, long> RefusedByKind,
    int RateLimitExceptions,
    string[] Errors,
    int Completed,
    int PeakConcurrentJobs,
    int PeakCreatesInAnyMinute,
    double SpanSeconds,
    double ShareOfAllowedRate,
    Dictionary<string, long>? RedisCommands,
    double? RedisKilledAtSeconds,
    long FailOpens,
    double WallSeconds,
    int[] AcceptedPerBin,
    int[] RefusedPerBin)
{
    /// <summary>Commands Redis counts that only ever run inside the coordinator's scripts (not round trips).</summary>
    private static readonly HashSet<string> InsideScripts =
        ["zcard", "zremrangebyscore", "zremrangebyrank", "pexpire", "zadd", "time", "zrem", "zrange", "zrangebyscore", "zscore", "hmget", "hget", "hsetnx", "hset", "hdel", "publish"];

    /// <summary>Round trips to Redis (scripts, script loads, subscriptions, connection set-up and keep-alive) per accepted create.</summary>
    public double? RedisCallsPerCreate => RedisCommands is null || Accepted == 0 ? null
        : (double)RedisCommands.Where(c => !InsideScripts.Contains(c.Key)).Sum(c => c.Value) / Accepted;

    /// <summary>Script calls (EVALSHA, EVAL) per accepted create.</summary>
    public double? ScriptCallsPerCreate => RedisCommands is null || Accepted == 0 ? null
        : (double)RedisCommands.Where(c => c.Key is "evalsha" or "eval").Sum(c => c.Value) / Accepted;

    public string Describe(int limit, int maxJobs)
        => string.Create(CultureInfo.InvariantCulture, $"""
            {Mode}: {Completed} jobs completed, {Generations} generations on the server, {Accepted} creates accepted, {Refused} 429s ({string.Join(", ", RefusedByKind.Select(k => $"{k.Key} {k.Value}"))}), {RateLimitExceptions} LumaRateLimitExceptions resubmitted by the apps, {Errors.Length} other errors
              peak {PeakConcurrentJobs} concurrent jobs (limit {maxJobs}), at most {PeakCreatesInAnyMinute} accepted creates in any 60 s (limit {limit}), {Accepted} over {SpanSeconds:0.0} s ({Accepted * 60 / Math.Max(1, SpanSeconds):0.0}/min), window kept {ShareOfAllowedRate:P1} full
               Redis: {(RedisCommands is null ? "" : $"{RedisCallsPerCreate:0.00} round trips per create ({ScriptCallsPerCreate:0.00} of them scripts); commands counted: " + string.Join(", ", RedisCommands.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")) + "; ")}{(RedisKilledAtSeconds is { } k ? $"killed at {k:0.0} s; " : string.Empty)}{FailOpens} fail-opens
              wall {WallSeconds:0.0} s{(Errors.Length > 0 ? "\n  errors: " + string.Join("; ", Errors.Distinct()) : string.Empty)}
            """);
}
