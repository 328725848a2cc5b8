using System.Buffers.Binary;
using System.Text;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

/// <summary>
/// The video output is a real MP4 (checked by hand with ffprobe/ffmpeg: h264 Constrained Baseline 32×32, one frame,
/// 1 s, decodes without errors, padded or not). These tests walk its structure so a change that breaks it shows here.
/// </summary>
public sealed class SimulatorOutputVideoTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public async Task Videos_are_iso_bmff_files_with_an_avc_track_whose_sample_is_in_mdat(int size)
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutputSizeBytes = size });
        using HttpClient api = Client(server);
        byte[] mp4 = await AnonymousClient().GetByteArrayAsync(await SimulatorDownloadTests.OutputUrlAsync(api, server.SeedGeneration(type: "video")));

        Dictionary<string, (int Offset, int Length)> top = Boxes(mp4, 0, mp4.Length);
        (int moovAt, int moovLength) = top["moov"];
        byte[] stbl = Find(mp4, moovAt, moovLength, "trak", "mdia", "minf", "stbl");
        Dictionary<string, (int Offset, int Length)> tables = Boxes(stbl, 8, stbl.Length - 8);
        int sampleSize = BinaryPrimitives.ReadInt32BigEndian(stbl.AsSpan(tables["stsz"].Offset + 20));
        int sampleOffset = BinaryPrimitives.ReadInt32BigEndian(stbl.AsSpan(tables["stco"].Offset + 16));
        byte[] tkhd = Find(mp4, moovAt, moovLength, "trak", "tkhd");
        (int mdatAt, int mdatLength) = top["mdat"];

        Assert.Equal(size == 0 ? mp4.Length : size, mp4.Length);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(mp4, 4, 4));
        Assert.Contains("avc1", Encoding.ASCII.GetString(stbl));
        Assert.Contains("avcC", Encoding.ASCII.GetString(stbl));
        Assert.Equal(32, BinaryPrimitives.ReadInt32BigEndian(tkhd.AsSpan(tkhd.Length - 8)) >> 16);
        Assert.Equal(32, BinaryPrimitives.ReadInt32BigEndian(tkhd.AsSpan(tkhd.Length - 4)) >> 16);
        Assert.Equal(mdatAt + 8, sampleOffset);
        Assert.Equal(mdatLength - 8, sampleSize);
        Assert.Equal(0x67, mp4[sampleOffset + 4]);
        Assert.Equal(66, mp4[sampleOffset + 5]);
        Assert.Equal(size == 0 ? ["ftyp", "moov", "mdat"] : ["ftyp", "moov", "mdat", "free"], top.Keys);
    }

    /// <summary>The boxes in [offset, offset + length), by type (first of each type), each as (payload offset, box length).</summary>
    private static Dictionary<string, (int Offset, int Length)> Boxes(byte[] data, int offset, int length)
    {
        var boxes = new Dictionary<string, (int, int)>();
        for (int at = offset; at < offset + length;)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            Assert.InRange(size, 8, offset + length - at);
            boxes.TryAdd(Encoding.ASCII.GetString(data, at + 4, 4), (at, size));
            at += size;
        }

        return boxes;
    }

    private static byte[] Find(byte[] data, int offset, int length, params string[] path)
    {
        (int at, int size) = (offset, length);
        foreach (string type in path)
        {
            (at, size) = Boxes(data, at + 8, size - 8)[type];
        }

        return data[at..(at + size)];
    }
}
