using LumaAgents.Tests.Hosting;
using Xunit.Abstractions;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Files;

/// <summary>
/// Memory of a large upload: the bytes are streamed, never buffered. Allocation counters are process-wide, so this
/// runs apart from the parallel tests.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class LargeUploadTests(ITestOutputHelper output)
{
    private const long OneGigabyte = 1L << 30;

    [Fact]
    public async Task A_1_gb_stream_is_put_to_storage_with_flat_memory_and_progress_reaching_its_size()
    {
        var api = new ScriptedFilesApi { KeepBodies = false, PendingReads = 0 };
        using var client = api.Client();
        var progress = new LastProgress();
        var source = new GeneratedStream(OneGigabyte);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var file = await api.RunAsync(client.Files.UploadAsync(source, "big.mp4", "video/mp4", new FileUploadOptions { Progress = progress }));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        output.WriteLine($"{allocated / 1024.0 / 1024:0.0} MB allocated in the process (client and in-memory storage) to upload 1 GB; heap grew by {heapGrowth / 1024.0:0} KB; {progress.Reports} progress reports");
        var put = Assert.Single(api.Puts);
        Assert.Equal(OneGigabyte, put.BodyLength);
        Assert.True(put.MatchesPattern, "the bytes arrived as they were generated");
        Assert.Equal(OneGigabyte.ToString(System.Globalization.CultureInfo.InvariantCulture), put.Headers["Content-Length"]);
        Assert.Equal(OneGigabyte, progress.Last);
        Assert.Equal(FileState.Ready, file.State);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB to upload 1 GB");
    }

    /// <summary>Keeps only the last report and a count: a list of 13,000 values would be allocation of the test's own.</summary>
    private sealed class LastProgress : IProgress<long>
    {
        public long Last { get; private set; } = -1;

        public int Reports { get; private set; }

        public void Report(long value)
        {
            Assert.True(value > Last, "progress never decreases");
            Last = value;
            Reports++;
        }
    }
}
