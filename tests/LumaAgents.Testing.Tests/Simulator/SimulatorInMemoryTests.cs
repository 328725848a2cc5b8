using System.Text.Json;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorInMemoryTests
{
    [Fact]
    public async Task An_in_memory_server_creates_polls_and_serves_its_outputs_through_one_handler()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { InMemory = true, TimeProvider = clock });
        using HttpClient client = InMemoryClient(server);

        JsonElement created = await CreateGenerationAsync(client);
        clock.Advance(TimeSpan.FromSeconds(4));
        JsonElement completed = await GetGenerationAsync(client, created.GetProperty("id").GetString()!);
        string url = completed.GetProperty("output")[0].GetProperty("url").GetString()!;
        using var download = new HttpRequestMessage(HttpMethod.Get, url);
        using HttpResponseMessage output = await client.SendAsync(download);
        byte[] png = await output.Content.ReadAsByteArrayAsync();

        Assert.Equal(new Uri("http://127.0.0.1:9/v1/"), server.BaseUrl);
        Assert.StartsWith("http://127.0.0.1:9/outputs/", url);
        Assert.Equal("completed", completed.GetProperty("state").GetString());
        Assert.Equal(200, (int)output.StatusCode);
        Assert.Equal("image/png", output.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal([RouteKind.Create, RouteKind.Get, RouteKind.Download], server.Requests.Select(r => r.RouteKind));
        Assert.All(server.Requests, r => Assert.NotNull(r.StatusCode));
    }

    [Fact]
    public async Task A_socket_server_and_its_handler_share_generations_faults_and_the_request_log()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient socket = Client(server);
        using HttpClient memory = InMemoryClient(server);
        server.Faults.Add(FakeRoute.Get, FakeFault.Respond(502));

        JsonElement created = await CreateGenerationAsync(socket);
        using HttpResponseMessage faulted = await memory.GetAsync($"generations/{created.GetProperty("id").GetString()}");
        using HttpResponseMessage unauthorized = await new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseUrl }.GetAsync($"generations/{Guid.NewGuid()}");

        Assert.Equal(502, (int)faulted.StatusCode);
        Assert.Equal(401, (int)unauthorized.StatusCode);
        Assert.Equal(FakeLumaServerDetails.MissingApiKey, await ReadDetailAsync(unauthorized));
        Assert.Equal(3, server.Requests.Count);
        Assert.Single(server.Generations);
    }

    [Fact]
    public async Task In_memory_a_dropped_connection_fails_the_send_and_a_dropped_truncation_fails_the_read()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { InMemory = true });
        using HttpClient client = InMemoryClient(server);
        string id = server.SeedGeneration();
        server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenDrop());
        server.Faults.Add(FakeRoute.Get, FakeFault.TruncatedBody(keepBytes: 10, dropConnection: true));
        server.Faults.Add(FakeRoute.Get, FakeFault.TruncatedBody(keepBytes: 10));

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateAsync(client));
        using HttpResponseMessage cut = await client.GetAsync($"generations/{id}", HttpCompletionOption.ResponseHeadersRead);
        using Stream cutBody = await cut.Content.ReadAsStreamAsync();
        var partial = new MemoryStream();
        await Assert.ThrowsAnyAsync<IOException>(() => cutBody.CopyToAsync(partial));
        using HttpResponseMessage shortened = await client.GetAsync($"generations/{id}");

        Assert.Equal(10, partial.Length);
        Assert.Equal(10, (await shortened.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(server.Requests[0].ConnectionDropped);
        Assert.NotNull(server.Requests[0].GenerationId);
        Assert.Single(server.Generations, g => !g.IsSeeded);
    }

    [Fact]
    public async Task In_memory_a_delay_holds_the_request_in_virtual_time_and_the_client_can_give_up()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { InMemory = true, TimeProvider = clock });
        using HttpClient client = InMemoryClient(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.Delay(TimeSpan.FromSeconds(30)));
        server.Faults.Add(FakeRoute.Create, FakeFault.Delay(TimeSpan.FromDays(1)));
        using var giveUp = new CancellationTokenSource();

        Task<HttpResponseMessage> held = CreateAsync(client);
        await clock.WaitForTimersAsync();
        Assert.False(held.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        using HttpResponseMessage answered = await held;
        Task<HttpResponseMessage> abandoned = client.PostAsync("generations", Json("""{"prompt":"x"}"""), giveUp.Token);
        await clock.WaitForTimersAsync();
        await giveUp.CancelAsync();

        Assert.Equal(201, (int)answered.StatusCode);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Single(server.Generations);
    }

    [Fact]
    public async Task In_memory_a_stalled_body_waits_on_the_server_clock_and_a_huge_body_streams_whole()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { InMemory = true, TimeProvider = clock });
        using HttpClient client = InMemoryClient(server);
        string id = server.SeedGeneration();
        server.Faults.Add(FakeRoute.Get, FakeFault.StalledBody(keepBytes: 10, stallFor: TimeSpan.FromSeconds(30)));
        server.Faults.Add(FakeRoute.Get, FakeFault.HugeBody(5_000_000));

        using HttpResponseMessage stalled = await client.GetAsync($"generations/{id}", HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await stalled.Content.ReadAsStreamAsync();
        byte[] first = new byte[10];
        await body.ReadExactlyAsync(first);
        Task<string> rest = new StreamReader(body).ReadToEndAsync();
        await clock.WaitForTimersAsync();
        Assert.False(rest.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        string json = System.Text.Encoding.UTF8.GetString(first) + await rest;
        using HttpResponseMessage huge = await client.GetAsync($"generations/{id}", HttpCompletionOption.ResponseHeadersRead);
        long total = 0;
        using (Stream hugeBody = await huge.Content.ReadAsStreamAsync())
        {
            byte[] buffer = new byte[65536];
            for (int read; (read = await hugeBody.ReadAsync(buffer)) > 0;)
            {
                total += read;
            }
        }

        Assert.Equal(id, JsonDocument.Parse(json).RootElement.GetProperty("id").GetString());
        Assert.Equal(503, (int)huge.StatusCode);
        Assert.Equal(5_000_000, total);
    }

    [Fact]
    public async Task An_in_memory_server_refuses_a_port_and_a_disposed_server_creates_no_handler()
    {
        var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { InMemory = true });
        await server.DisposeAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => FakeLumaServer.StartAsync(new FakeLumaServerOptions { InMemory = true, Port = 8080 }));
        Assert.Throws<ObjectDisposedException>(() => server.CreateHandler());
    }
}
