using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorDownloadTests
{
    [Fact]
    public async Task Output_url_serves_a_valid_png_without_authorization_and_logs_the_download()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string url = await OutputUrlAsync(api, server.SeedGeneration());

        using HttpResponseMessage response = await storage.GetAsync(url);
        byte[] png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png.Length, response.Content.Headers.ContentLength);
        Assert.Equal((320, 320), AssertValidPng(png));
        RecordedRequest download = server.Requests[^1];
        Assert.Equal(RouteKind.Download, download.RouteKind);
        Assert.False(download.HasAuthorization);
        Assert.Equal(200, download.StatusCode);
        Assert.Contains("X-Amz-Signature=", download.Query);
    }

    [Fact]
    public async Task A_download_that_carries_authorization_is_recorded_and_can_be_refused_like_s3()
    {
        await using var lenient = await FakeLumaServer.StartAsync();
        await using var strict = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { RejectAuthorizationOnDownloads = true });
        using HttpClient lenientApi = Client(lenient);
        using HttpClient strictApi = Client(strict);

        using HttpResponseMessage allowed = await lenientApi.GetAsync(await OutputUrlAsync(lenientApi, lenient.SeedGeneration()));
        using HttpResponseMessage refused = await strictApi.GetAsync(await OutputUrlAsync(strictApi, strict.SeedGeneration()));

        Assert.Equal(200, (int)allowed.StatusCode);
        Assert.True(lenient.Requests[^1].HasAuthorization);
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("<Code>InvalidArgument</Code>", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Output_urls_expire_with_403_and_every_get_mints_a_fresh_one()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, OutputUrlLifetime = TimeSpan.FromMinutes(10) });
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string id = server.SeedGeneration();
        string first = await OutputUrlAsync(api, id);
        string second = await OutputUrlAsync(api, id);

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using HttpResponseMessage justValid = await storage.GetAsync(first);
        clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage expired = await storage.GetAsync(first);
        string fresh = await OutputUrlAsync(api, id);
        using HttpResponseMessage refreshed = await storage.GetAsync(fresh);

        Assert.NotEqual(first, second);
        Assert.Contains("X-Amz-Expires=600&", first);
        Assert.Contains($"expires={Start.AddMinutes(10).ToUnixTimeSeconds()}", first);
        Assert.Equal(200, (int)justValid.StatusCode);
        Assert.Equal(403, (int)expired.StatusCode);
        Assert.Equal("application/xml", expired.Content.Headers.ContentType!.MediaType);
        string xml = await expired.Content.ReadAsStringAsync();
        Assert.Contains("<Code>AccessDenied</Code>", xml);
        Assert.Contains("<Message>Request has expired</Message>", xml);
        Assert.Equal(200, (int)refreshed.StatusCode);
    }

    [Fact]
    public async Task A_tampered_or_unsigned_url_answers_403_with_an_s3_error()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string url = await OutputUrlAsync(api, server.SeedGeneration());
        string tampered = url.Replace("expires=", "expires=9", StringComparison.Ordinal);
        string unsigned = url[..url.IndexOf('?', StringComparison.Ordinal)];
        string otherObject = url.Replace("/0.png?", "/1.png?", StringComparison.Ordinal);

        using HttpResponseMessage tamperedResponse = await storage.GetAsync(tampered);
        using HttpResponseMessage unsignedResponse = await storage.GetAsync(unsigned);
        using HttpResponseMessage signedForAnotherObject = await storage.GetAsync(otherObject);

        Assert.Equal(403, (int)tamperedResponse.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", await tamperedResponse.Content.ReadAsStringAsync());
        Assert.Equal(403, (int)unsignedResponse.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await unsignedResponse.Content.ReadAsStringAsync());
        Assert.Equal(403, (int)signedForAnotherObject.StatusCode);
    }

    [Fact]
    public async Task Large_outputs_are_streamed_as_a_valid_png_of_the_exact_size()
    {
        const int Size = 3 * 1024 * 1024 + 5;
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutputSizeBytes = Size });
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string url = await OutputUrlAsync(api, server.SeedGeneration());

        using HttpResponseMessage response = await storage.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        using var buffer = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(buffer);

        Assert.Equal(Size, response.Content.Headers.ContentLength);
        Assert.Equal(Size, buffer.Length);
        Assert.Equal((320, 320), AssertValidPng(buffer.ToArray()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(110)]
    [InlineData(200_000)]
    [InlineData(65_536 * 2 + 180)]
    public async Task Padded_pngs_stay_well_formed_at_awkward_sizes(int size)
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutputSizeBytes = size });
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();

        await using var unpadded = await FakeLumaServer.StartAsync();
        int natural = (await AnonymousClient().GetByteArrayAsync(await OutputUrlAsync(Client(unpadded), unpadded.SeedGeneration()))).Length;

        byte[] png = await storage.GetByteArrayAsync(await OutputUrlAsync(api, server.SeedGeneration()));

        Assert.Equal((320, 320), AssertValidPng(png));
        Assert.InRange(png.Length, Math.Max(size, natural), Math.Max(size, natural) + 12);
    }

    [Fact]
    public async Task A_head_request_reports_a_200_megabyte_video_without_sending_it()
    {
        const int Size = 200 * 1024 * 1024;
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutputSizeBytes = Size });
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string url = await OutputUrlAsync(api, server.SeedGeneration(type: "video"));

        using HttpResponseMessage head = await storage.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using HttpResponseMessage get = await storage.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await get.Content.ReadAsStreamAsync();
        byte[] start = new byte[8];
        await body.ReadExactlyAsync(start);

        Assert.Equal(Size, head.Content.Headers.ContentLength);
        Assert.Equal("video/mp4", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(start, 4, 4));
    }

    [Fact]
    public async Task Outputs_of_a_generation_that_is_not_completed_do_not_exist()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string id = server.SeedGeneration(FakeOutcome.Sequence([new("completed", TimeSpan.FromSeconds(1)), new("failed", TimeSpan.Zero)], "output_not_found"));
        string url = await OutputUrlAsync(api, id);

        clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage gone = await storage.GetAsync(url);

        Assert.Equal(404, (int)gone.StatusCode);
        Assert.Contains("<Code>NoSuchKey</Code>", await gone.Content.ReadAsStringAsync());
    }

    internal static async Task<string> OutputUrlAsync(HttpClient api, string id) =>
        (await GetGenerationAsync(api, id)).GetProperty("output")[0].GetProperty("url").GetString()!;

    /// <summary>Walks the chunks (signature, IHDR first, IEND last, every CRC right), inflates the pixels and returns the size.</summary>
    internal static (int Width, int Height) AssertValidPng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var types = new List<string>();
        int offset = 8;
        byte[]? idat = null;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc(png.AsSpan(offset + 4, 4 + length)), crc);
            if (type == "IDAT")
            {
                idat = png[(offset + 8)..(offset + 8 + length)];
            }

            types.Add(type);
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        Assert.Equal("IHDR", types[0]);
        Assert.Equal("IEND", types[^1]);
        int width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        int height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal([8, 2, 0, 0, 0], png[24..29]);
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(idat!), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal(height * ((width * 3) + 1), inflated.Length);
        return (width, height);
    }

    /// <summary>The decoded RGB pixels of a PNG drawn by the simulator (filter type 0 on every row).</summary>
    internal static byte[] Pixels(byte[] png)
    {
        int offset = 8;
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (Encoding.ASCII.GetString(png, offset + 4, 4) == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return inflated.ToArray();
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
