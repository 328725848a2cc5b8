using LumaAgents.Tests.Hosting;
using LumaAgents.Tests.Support;
using Xunit.Abstractions;

namespace LumaAgents.Tests.Waiting;

/// <summary>
/// Memory of a large download. Allocation counters are process-wide, so this runs apart from the parallel tests.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class LargeDownloadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_200_mb_output_streams_with_bounded_memory()
    {
        const int size = 200_000_000;
        await using var sim = await Simulated.StartAsync(server: o => o.OutputSizeBytes = size);
        var done = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateVideo("waves"), new WaitOptions { InitialDelay = TimeSpan.Zero });
        var destination = new CountingStream();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        await sim.Client.Generations.DownloadAsync(done, 0, destination);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{allocated / 1024.0 / 1024:0.0} MB allocated in the process (client and simulator) to move {size / 1_000_000} MB");
        Assert.Equal(size, destination.Length);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB to move 200 MB (server included)");
    }
}
