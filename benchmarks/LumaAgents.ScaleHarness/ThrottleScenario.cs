using System.Diagnostics;
using LumaAgents.Testing;

namespace LumaAgents.ScaleHarness;

/// <summary>Creates pushed through a requests-per-minute limit, in virtual time: throughput against the allowed rate, and 429s.</summary>
internal static class ThrottleScenario
{
    public static async Task RunAsync(int creates, int requestsPerMinute)
    {
        var time = new ManualTimeProvider();
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = time,
            RequestsPerMinute = requestsPerMinute,
            QueuedFor = TimeSpan.Zero,
            ProcessingFor = TimeSpan.FromSeconds(1),
        });
        var transport = new InFlightCounter();
        using var client = new LumaClient(
            new HttpClient(transport),
            new LumaClientOptions { ApiKey = server.ApiKey, BaseUrl = server.BaseUrl, TimeProvider = time, Timeout = Timeout.InfiniteTimeSpan });
        var start = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();

        var all = Task.WhenAll(Enumerable.Range(0, creates).Select(i => client.Generations.CreateAsync(GenerationRequest.CreateImage($"prompt {i}"))));
        await time.RunUntilCompleteAsync(all, () => transport.IsBusy, realTimeoutMs: 600_000);

        var accepted = server.Requests.Where(r => r.RouteKind == RouteKind.Create && r.StatusCode == 201).Select(r => r.ReceivedAt).Order().ToArray();
        var rejected = server.Requests.Count(r => r.RouteKind == RouteKind.Create && r.StatusCode == 429);

        // Sustained rate: the creates accepted before the last one's instant, over the time it took to get there
        // (counting the last burst would credit the limit's boundary burst as throughput).
        var span = accepted[^1] - accepted[0];
        var before = accepted.Count(t => t < accepted[^1]);
        var achieved = before / span.TotalMinutes;
        var windows = Math.Max(1, (int)Math.Ceiling(span.TotalMinutes));
        var peak = accepted.Max(t => accepted.Count(u => u >= t && u < t + TimeSpan.FromMinutes(1)));
        Console.WriteLine(
            $"throttle (virtual time): {creates} creates through {requestsPerMinute}/min; all {accepted.Length} accepted over {span.TotalMinutes:0.00} virtual min; "
            + $"sustained {achieved:0.0}/min ({achieved / requestsPerMinute:P1} of the allowed rate); at most {peak} in any 60 s; "
            + $"{rejected} 429s over {windows} windows; wall time {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }
}
