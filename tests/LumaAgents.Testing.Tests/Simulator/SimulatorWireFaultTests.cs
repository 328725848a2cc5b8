using System.Net;
using System.Text;
using System.Text.Json;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

/// <summary>The faults a fault matrix needs: stalled, trickled, huge and redirected answers and garbage headers.</summary>
public sealed class SimulatorWireFaultTests
{
    [Fact]
    public async Task A_stalled_body_sends_headers_and_the_first_bytes_then_waits_on_the_server_clock()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        string id = server.SeedGeneration();
        server.Faults.Add(FakeRoute.Get, FakeFault.StalledBody(keepBytes: 10, stallFor: TimeSpan.FromSeconds(30)));

        using HttpResponseMessage response = await client.GetAsync($"generations/{id}", HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] first = new byte[10];
        await body.ReadExactlyAsync(first);
        Task<string> rest = new StreamReader(body).ReadToEndAsync();
        await clock.WaitForTimersAsync();
        Assert.False(rest.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        string json = Encoding.UTF8.GetString(first) + await rest;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(id, JsonDocument.Parse(json).RootElement.GetProperty("id").GetString());
        Assert.Equal(json.Length, response.Content.Headers.ContentLength);
        Assert.Equal("StalledBody after 10 bytes for 00:00:30", server.Requests[^1].Fault!.ToString());
    }

    [Fact]
    public async Task A_download_stalled_for_ever_hangs_until_the_client_gives_up()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, OutputSizeBytes = 100_000 });
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string url = await SimulatorDownloadTests.OutputUrlAsync(api, server.SeedGeneration());
        server.Faults.Add(FakeRoute.Download, FakeFault.StalledBody(keepBytes: 1000));
        using var giveUp = new CancellationTokenSource();

        using HttpResponseMessage response = await storage.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] first = new byte[1000];
        await body.ReadExactlyAsync(first);
        ValueTask<int> stalled = body.ReadAsync(new byte[1000], giveUp.Token);
        clock.Advance(TimeSpan.FromDays(365));
        Assert.False(stalled.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stalled);
        Assert.Equal(100_000, response.Content.Headers.ContentLength);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], first[..4]);
        using HttpResponseMessage next = await storage.GetAsync(await SimulatorDownloadTests.OutputUrlAsync(api, server.Generations[0].Id));
        Assert.Equal(100_000, (await next.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_trickled_body_arrives_a_few_bytes_per_interval_of_the_server_clock()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        string id = server.SeedGeneration();
        server.Faults.Add(FakeRoute.Get, FakeFault.TrickledBody(bytesPerChunk: 64, interval: TimeSpan.FromSeconds(2)));

        using HttpResponseMessage response = await client.GetAsync($"generations/{id}", HttpCompletionOption.ResponseHeadersRead);
        long length = response.Content.Headers.ContentLength!.Value;
        using Stream body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var pieces = new List<int>();
        byte[] buffer = new byte[4096];
        while (received.Length < length)
        {
            int piece = 0;
            while (piece < 64 && received.Length < length)
            {
                int read = await body.ReadAsync(buffer.AsMemory(0, 64 - piece));
                Assert.NotEqual(0, read);
                received.Write(buffer, 0, read);
                piece += read;
            }

            pieces.Add(piece);
            if (received.Length < length)
            {
                await clock.WaitForTimersAsync();
                clock.Advance(TimeSpan.FromSeconds(2));
            }
        }

        Assert.Equal(0, await body.ReadAsync(buffer));
        Assert.Equal((int)((length + 63) / 64), pieces.Count);
        Assert.All(pieces[..^1], p => Assert.Equal(64, p));
        Assert.Equal(id, JsonDocument.Parse(received.ToArray()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Garbage_headers_replace_the_real_answers_headers_after_the_job_is_created()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { RequestsPerMinute = 10 });
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.GarbageHeaders());
        server.Faults.Add(FakeRoute.Create, FakeFault.GarbageHeaders([new("X-RateLimit-Limit", "0"), new("X-Extra", "kept")]));

        using HttpResponseMessage garbage = await CreateAsync(client);
        using HttpResponseMessage custom = await CreateAsync(client);

        Assert.Equal(201, (int)garbage.StatusCode);
        Assert.Equal("abc", Header(garbage, "X-RateLimit-Limit"));
        Assert.Equal("-1", Header(garbage, "X-RateLimit-Remaining"));
        Assert.Equal("99999999999999999999", Header(garbage, "X-RateLimit-Reset"));
        Assert.Equal("-5", Header(garbage, "Retry-After"));
        Assert.Equal("NaN", Header(garbage, "retry-after-ms"));
        Assert.Equal("maybe", Header(garbage, "x-should-retry"));
        Assert.Equal("req-\u00e9\u00ff\u00a0\u00c3\u0028", Header(garbage, "X-Request-Id"));
        Assert.Equal("0", Header(custom, "X-RateLimit-Limit"));
        Assert.Equal("8", Header(custom, "X-RateLimit-Remaining"));
        Assert.Equal("kept", Header(custom, "X-Extra"));
        Assert.Equal(2, server.Generations.Count);
        Assert.Throws<ArgumentException>(() => FakeFault.GarbageHeaders([new("X-Bad", "a\r\nb")]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_error_body_is_streamed_to_its_exact_size_and_creates_nothing(bool declareLength)
    {
        const long size = 20L * 1024 * 1024;
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.HugeBody(size, statusCode: 502, declareLength: declareLength));

        using var request = new HttpRequestMessage(HttpMethod.Post, "generations") { Content = Json("""{"prompt":"x"}""") };
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        long? declared = response.Content.Headers.ContentLength;
        using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[81920];
        long total = 0;
        byte[] start = [];
        for (int read; (read = await body.ReadAsync(buffer)) > 0; total += read)
        {
            if (start.Length == 0)
            {
                start = buffer[..Math.Min(read, 64)];
            }
        }

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal(size, total);
        Assert.Equal(declareLength ? size : null, declared);
        Assert.Equal(!declareLength, response.Headers.TransferEncodingChunked == true);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<html><head><title>502 Bad Gateway</title>", Encoding.ASCII.GetString(start));
        Assert.False(HasHeader(response, "X-API-Version"));
        Assert.Empty(server.Generations);
    }

    [Fact]
    public async Task Redirects_point_anywhere_the_test_says_and_create_nothing()
    {
        await using var server = await FakeLumaServer.StartAsync();
        await using var elsewhere = await FakeLumaServer.StartAsync();
        using HttpClient api = Client(server);
        using var manual = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        string url = await SimulatorDownloadTests.OutputUrlAsync(api, server.SeedGeneration());
        string otherUrl = await SimulatorDownloadTests.OutputUrlAsync(Client(elsewhere), elsewhere.SeedGeneration());
        server.Faults.Add(FakeRoute.Download, FakeFault.Redirect("file:///etc/passwd"));
        server.Faults.Add(FakeRoute.Download, FakeFault.Redirect(otherUrl, statusCode: 307));
        server.Faults.Add(FakeRoute.Create, FakeFault.Redirect(elsewhere.BaseUrl + "generations", statusCode: 301));

        using HttpResponseMessage toFile = await manual.GetAsync(url);
        using HttpResponseMessage toOtherHost = await AnonymousClient().GetAsync(url);
        using HttpResponseMessage create = await manual.PostAsync(server.BaseUrl + "generations", Json("""{"prompt":"x"}"""));

        Assert.Equal(HttpStatusCode.Found, toFile.StatusCode);
        Assert.Equal("file:///etc/passwd", toFile.Headers.Location!.OriginalString);
        Assert.Equal(string.Empty, await toFile.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, toOtherHost.StatusCode);
        Assert.Equal(RouteKind.Download, elsewhere.Requests[^1].RouteKind);
        Assert.Equal(HttpStatusCode.MovedPermanently, create.StatusCode);
        Assert.Equal(elsewhere.BaseUrl + "generations", create.Headers.Location!.OriginalString);
        Assert.DoesNotContain(server.Generations, g => !g.IsSeeded);
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeFault.Redirect("/x", statusCode: 200));
    }
}
