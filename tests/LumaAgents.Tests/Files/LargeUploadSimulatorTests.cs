using LumaAgents.Testing;
using LumaAgents.Tests.Hosting;
using LumaAgents.Tests.Support;
using Xunit.Abstractions;

namespace LumaAgents.Tests.Files;

/// <summary>
/// A 1 GB upload over loopback to the simulator, which counts and hashes the bytes as they stream. Allocation counters
/// are process-wide (the simulator's Kestrel included), so this runs apart from the parallel tests.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class LargeUploadSimulatorTests(ITestOutputHelper output)
{
    private const long OneGigabyte = 1L << 30;

    [Fact]
    public async Task A_1_gb_stream_reaches_the_simulator_intact_with_flat_memory()
    {
        await using var sim = await Simulated.StartAsync(server: o => o.FileReadyAfter = TimeSpan.Zero);
        long last = -1;
        var progress = new SynchronousProgress(value => last = value);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var file = await sim.Client.Files.UploadAsync(new GeneratedStream(OneGigabyte), "big.mp4", "video/mp4", new FileUploadOptions { Progress = progress });

        var elapsed = started.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        output.WriteLine(
            $"1 GB to the simulator over loopback in {elapsed.TotalSeconds:0.0} s: {allocated / 1024.0 / 1024:0.0} MB allocated in the process (SDK and simulator), heap grew by {heapGrowth / 1024.0:0} KB");
        var stored = sim.Server.GetFile(file.Id)!;
        Assert.Equal(("presigned", OneGigabyte), (stored.UploadMode, stored.ReceivedBytes));
        Assert.Equal(ExpectedCrc(OneGigabyte), stored.Crc32);
        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal(OneGigabyte, last);
        Assert.True(allocated < 64 * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB to upload 1 GB (simulator included)");
    }

    private static uint ExpectedCrc(long length)
    {
        var crc = new System.IO.Hashing.Crc32();
        for (long done = 0; done < length;)
        {
            var piece = GeneratedStream.PatternAt(done, (int)Math.Min(GeneratedStream.Chunk, length - done));
            crc.Append(piece);
            done += piece.Length;
        }

        return crc.GetCurrentHashAsUInt32();
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
