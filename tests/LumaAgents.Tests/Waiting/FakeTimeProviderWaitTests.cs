using LumaAgents.Testing;
using LumaAgents.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LumaAgents.Tests.Waiting;

/// <summary>
/// The simulator and the SDK's wait on the ecosystem's <see cref="FakeTimeProvider"/>, driven by
/// <see cref="VirtualTime"/>: minutes of polling pass in virtual time, on the same clock on both sides of the wire.
/// </summary>
public sealed class FakeTimeProviderWaitTests
{
    private static readonly DateTimeOffset Start = ManualTimeProvider.DefaultStart;

    private static Task<Simulated> StartAsync(FakeTimeProvider time, TimeSpan processingFor) => Simulated.StartAsync(
        server: o => { o.TimeProvider = time; o.ProcessingFor = processingFor; },
        client: o => o.TimeProvider = time);

    [Fact]
    public async Task Create_and_wait_polls_on_the_fake_clock_until_the_simulated_job_completes()
    {
        var time = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(time, TimeSpan.FromSeconds(31));

        var done = await sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox")));

        Assert.True(done.IsCompleted);
        Assert.Equal(Start, Assert.Single(sim.Creates).ReceivedAt);
        // The image defaults (first poll 20 s after created_at, then every 2 s), on the fake clock, to the second.
        Assert.Equal([20.0, 22, 24, 26, 28, 30, 32], sim.Gets.Select(r => (r.ReceivedAt - Start).TotalSeconds));
        Assert.True(time.GetUtcNow() - Start >= TimeSpan.FromSeconds(32), $"virtual time passed: {time.GetUtcNow() - Start}");
    }

    [Fact]
    public async Task A_wait_longer_than_its_timeout_ends_at_its_virtual_deadline_with_the_last_state()
    {
        var time = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(time, TimeSpan.FromHours(1));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        var error = await Assert.ThrowsAsync<GenerationTimeoutException>(
            () => sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created)));

        Assert.Equal(created.Id, error.GenerationId);
        Assert.Equal(GenerationState.Processing, error.LastKnown!.State);
        Assert.Equal(TimeSpan.FromMinutes(2), error.Elapsed);
        Assert.Equal(120, (sim.Gets[^1].ReceivedAt - Start).TotalSeconds);
    }
}
