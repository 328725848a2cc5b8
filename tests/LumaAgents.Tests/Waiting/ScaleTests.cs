using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Waiting;

/// <summary>
/// Many concurrent waits on one client each poll exactly as often as needed. The figures of scale (threads, memory
/// per waiting job) are the scale harness's (benchmarks/LumaAgents.ScaleHarness): process-wide counters asserted
/// during a parallel test run measure the other tests too.
/// </summary>
public sealed class ScaleTests
{
    [Fact]
    public async Task A_thousand_concurrent_waits_complete_with_one_read_each()
    {
        const int waits = 1_000;
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(server: o => o.TimeProvider = time, client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        var now = time.GetUtcNow();
        var generations = Enumerable.Range(0, waits)
            .Select(_ => sim.Server.SeedGeneration(FakeOutcome.Completed(TimeSpan.Zero, TimeSpan.FromSeconds(20)), createdAt: now))
            .Select(id => new Generation { Id = id, CreatedAt = now, Type = GenerationType.Image, Model = GenerationModel.Uni1, State = GenerationState.Queued })
            .ToArray();

        var all = Task.WhenAll(generations.Select(g => sim.Client.Generations.WaitForCompletionAsync(g)));
        await time.WaitForTimersAsync(waits);
        var done = await sim.RunAsync(time, all);

        Assert.All(done, g => Assert.True(g.IsCompleted));
        Assert.Equal(waits, sim.Gets.Count);
    }
}
