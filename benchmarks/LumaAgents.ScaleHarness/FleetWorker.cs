using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using LumaAgents.Redis;
using StackExchange.Redis;

namespace LumaAgents.ScaleHarness;

/// <summary>
/// One process of the fleet scenario: one client on the shared account, running CreateAndWaitAsync on its share of the
/// jobs at once, as an app would (MaxConcurrentJobs set to the account's limit, which is all one process can know).
/// A call that still ends in a 429 is submitted again by the app. Prints one JSON line with what it saw.
/// </summary>
internal static class FleetWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Arguments.Parse(args);
        var time = new ScaledTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(options["epoch"], System.Globalization.CultureInfo.InvariantCulture)), double.Parse(options["factor"], System.Globalization.CultureInfo.InvariantCulture));
        var jobs = int.Parse(options["jobs"], System.Globalization.CultureInfo.InvariantCulture);
        var rateLimited = new Dictionary<string, long>();
        long failOpens = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name is "luma.client.rate_limited" or RedisCoordinationTelemetry.FailOpens)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (rateLimited)
            {
                if (instrument.Name == RedisCoordinationTelemetry.FailOpens)
                {
                    failOpens += value;
                    return;
                }

                var kind = "unknown";
                foreach (var tag in tags)
                {
                    if (tag.Key == "luma.rate_limit.kind")
                    {
                        kind = tag.Value as string ?? kind;
                    }
                }

                rateLimited[kind] = rateLimited.GetValueOrDefault(kind) + value;
            }
        });
        listener.Start();

        ConnectionMultiplexer? redis = null;
        var clientOptions = new LumaClientOptions
        {
            ApiKey = options["api-key"],
            BaseUrl = new Uri(options["base-url"]),
            TimeProvider = time,
            MaxConcurrentJobs = int.Parse(options["max-jobs"], System.Globalization.CultureInfo.InvariantCulture),
        };
        if (Environment.GetEnvironmentVariable("LUMA_FLEET_LOG") is { Length: > 0 } level)
        {
            var epoch = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(options["epoch"], System.Globalization.CultureInfo.InvariantCulture));
            clientOptions.LoggerFactory = new TimedStderrLogger(time, epoch, options["index"], level == "debug" ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information);
        }

        if (options.TryGetValue("redis", out var address))
        {
            redis = await ConnectionMultiplexer.ConnectAsync(address + ",abortConnect=false,connectTimeout=1000");
            clientOptions.Coordinator = new RedisCoordinator(redis, new RedisCoordinatorOptions { KeyPrefix = options["prefix"], ScriptClock = _ => time.ScriptClock });
        }

        using var client = new LumaClient(clientOptions);
        var wait = new WaitOptions { InitialDelay = TimeSpan.FromSeconds(3), PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(30) };
        var stopwatch = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, jobs).Select(async i =>
        {
            var resubmitted = 0;
            while (true)
            {
                try
                {
                    var done = await client.Generations.CreateAndWaitAsync(GenerationRequest.Image($"worker {options["index"]} job {i}"), wait);
                    return (Id: done.Id, Resubmitted: resubmitted, Error: (string?)null);
                }
                catch (LumaRateLimitException)
                {
                    resubmitted++;
                }
                catch (Exception ex)
                {
                    return (Id: (string?)null, Resubmitted: resubmitted, Error: ex.GetType().Name + ": " + ex.Message);
                }
            }
        }));

        listener.Dispose();
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        Console.WriteLine(JsonSerializer.Serialize(new WorkerReport(
            int.Parse(options["index"], System.Globalization.CultureInfo.InvariantCulture),
            outcomes.Count(o => o.Id is not null),
            outcomes.Sum(o => o.Resubmitted),
            outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToArray(),
            rateLimited,
            failOpens,
            stopwatch.Elapsed.TotalSeconds)));
        return 0;
    }
}

/// <summary>What one worker reports to the scenario.</summary>
internal sealed record WorkerReport(int Index, int Completed, int RateLimitExceptions, string[] Errors, Dictionary<string, long> RateLimited, long FailOpens, double WallSeconds);

/// <summary><c>--name value</c> pairs.</summary>
internal static class Arguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            parsed[args[i].TrimStart('-')] = args[i + 1];
        }

        return parsed;
    }
}
