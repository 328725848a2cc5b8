using System.Diagnostics;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;
using Xunit.Abstractions;

namespace LumaAgents.Tests.Waiting;

/// <summary>
/// Waiting costs timers, not threads: ten thousand concurrent waits on one client. Thread and memory counts are
/// process-wide, so this runs apart from the parallel tests.
/// </summary>
[Collection(LumaAgents.Tests.Hosting.EnvironmentCollection.Name)]
public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ten_thousand_concurrent_waits_complete_on_far_fewer_threads()
    {
        const int waits = 10_000;
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(server: o => o.TimeProvider = time, client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        var now = time.GetUtcNow();
        var generations = Enumerable.Range(0, waits)
            .Select(_ => sim.Server.SeedGeneration(FakeOutcome.Completed(TimeSpan.Zero, TimeSpan.FromSeconds(20)), createdAt: now))
            .Select(id => new Generation { Id = id, CreatedAt = now, Type = GenerationType.Image, Model = GenerationModel.Uni1, State = GenerationState.Queued })
            .ToArray();
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peakThreads = threadsBefore;
        long peakMemory = memoryBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakThreads = Math.Max(peakThreads, Process.GetCurrentProcess().Threads.Count);
                peakMemory = Math.Max(peakMemory, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });
        var stopwatch = Stopwatch.StartNew();

        var all = Task.WhenAll(generations.Select(g => sim.Client.Generations.WaitForCompletionAsync(g)));
        await time.WaitForTimersAsync(waits);
        var memoryWhileWaiting = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        var done = await sim.RunAsync(time, all);

        sampling.Cancel();
        await sampler;
        Assert.All(done, g => Assert.True(g.IsCompleted));
        Assert.Equal(waits, sim.Gets.Count);
        output.WriteLine($"{waits} waits: {stopwatch.Elapsed.TotalSeconds:0.0} s wall, 1 GET per wait (optimum 1), "
            + $"threads {threadsBefore} before, peak {peakThreads}; managed memory while all were waiting "
            + $"{memoryWhileWaiting / 1024 / 1024.0:0.0} MB ({memoryWhileWaiting / waits} bytes per wait), peak +{(peakMemory - memoryBefore) / 1024 / 1024} MB");
        Assert.True(peakThreads < 200, $"peak threads {peakThreads}");
        Assert.True(memoryWhileWaiting / waits < 8 * 1024, $"{memoryWhileWaiting / waits} bytes per wait");
    }
}
