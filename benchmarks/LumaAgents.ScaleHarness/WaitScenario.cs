using System.Diagnostics;
using LumaAgents.Testing;

namespace LumaAgents.ScaleHarness;

/// <summary>Many concurrent WaitForCompletionAsync calls on one client: GETs per job, threads, memory, wall time.</summary>
internal static class WaitScenario
{
    public static async Task RunAsync(int waits, bool virtualTime)
    {
        // Virtual time: the documented image defaults (first poll at 20 s, then every 2 s) against jobs that take
        // 31 s: the optimum is ⌈(31 − 20) / 2⌉ + 1 = 7 GETs. Real time: the same 2 s interval, first poll at 2 s,
        // jobs of 5 s: optimum ⌈(5 − 2) / 2⌉ + 1 = 3 (10,000 jobs then ask 5,000 GETs a second of one process).
        TimeProvider time = virtualTime ? new ManualTimeProvider() : TimeProvider.System;
        var processing = TimeSpan.FromSeconds(virtualTime ? 31 : 5);
        var wait = virtualTime ? new WaitOptions() : new WaitOptions { InitialDelay = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromSeconds(2) };
        var optimum = virtualTime ? 7 : 3;

        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = time });
        var transport = new InFlightCounter();
        using var client = new LumaClient(
            new HttpClient(transport),
            new LumaClientOptions { ApiKey = server.ApiKey, BaseUrl = server.BaseUrl, TimeProvider = time, Timeout = virtualTime ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(60) });
        // Every job is dated when the waits start, not while seeding, so each wait sees the whole schedule.
        var ids = Enumerable.Range(0, waits).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var now = time.GetUtcNow();
        foreach (var id in ids)
        {
            server.SeedGeneration(FakeOutcome.Completed(TimeSpan.Zero, processing), createdAt: now, id: id);
        }

        var generations = ids
            .Select(id => new Generation { Id = id, CreatedAt = now, Type = GenerationType.Image, Model = GenerationModel.Uni1, State = GenerationState.Queued })
            .ToArray();
        server.ClearRequests();
        var seeding = time.GetUtcNow() - now;

        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        long perWait;
        int peakThreads;
        await using (var sampler = new PeakSampler())
        {
            var all = Task.WhenAll(generations.Select(g => client.Generations.WaitForCompletionAsync(g, wait)));

            // Memory with every wait parked on its timer (nothing in flight yet).
            if (time is ManualTimeProvider manual)
            {
                await manual.WaitForTimersAsync(waits, 60_000);
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(0.5));
            }

            perWait = (GC.GetTotalMemory(forceFullCollection: true) - baseline) / waits;
            if (time is ManualTimeProvider clock)
            {
                await clock.RunUntilCompleteAsync(all, () => transport.IsBusy, realTimeoutMs: 600_000);
            }
            else
            {
                await all;
            }

            peakThreads = sampler.PeakThreads;
        }

        var gets = server.Requests.Count(r => r.RouteKind == RouteKind.Get);
        Console.WriteLine(
            $"waits ({(virtualTime ? "virtual" : "real")} time): {waits:N0} concurrent waits; {gets / (double)waits:0.00} GETs per job (optimum {optimum}); "
            + $"peak threads {peakThreads}; {perWait:N0} bytes of managed memory per waiting job; wall time {stopwatch.Elapsed.TotalSeconds:0.0} s"
            + (virtualTime ? string.Empty : $" (seeding took {seeding.TotalSeconds:0.0} s of the 2 s before the first poll)"));
    }
}
