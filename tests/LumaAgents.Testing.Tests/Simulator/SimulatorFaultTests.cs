using System.Text.Json;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorFaultTests
{
    [Fact]
    public async Task A_scripted_503_answers_instead_of_the_api_and_creates_nothing()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.ServiceUnavailable(retryAfterSeconds: 1), times: 2);

        using HttpResponseMessage first = await CreateAsync(client);
        using HttpResponseMessage second = await CreateAsync(client);
        using HttpResponseMessage third = await CreateAsync(client);

        Assert.Equal(503, (int)first.StatusCode);
        Assert.Equal("1", Header(first, "Retry-After"));
        Assert.True(HasHeader(first, "X-Request-Id"));
        Assert.Equal(503, (int)second.StatusCode);
        Assert.Equal(201, (int)third.StatusCode);
        Assert.Single(server.Generations);
        Assert.Equal([FakeFaultKind.Respond, FakeFaultKind.Respond], server.Requests.Where(r => r.Fault is not null).Select(r => r.Fault!.Kind));
        Assert.Null(server.Requests[2].Fault);
        Assert.Equal(0, server.Faults.Count);
    }

    [Fact]
    public async Task Faults_apply_only_to_their_route_in_order()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        string id = server.SeedGeneration();
        server.Faults.Add(FakeRoute.Get, FakeFault.Respond(502));
        server.Faults.Add(FakeRoute.Get, FakeFault.Respond(504));
        server.Faults.Enqueue(FakeFault.Respond(500));

        using HttpResponseMessage create = await CreateAsync(client);
        using HttpResponseMessage get1 = await client.GetAsync($"generations/{id}");
        using HttpResponseMessage get2 = await client.GetAsync($"generations/{id}");
        using HttpResponseMessage get3 = await client.GetAsync($"generations/{id}");

        Assert.Equal(500, (int)create.StatusCode);
        Assert.Equal("Internal Server Error", await ReadDetailAsync(create));
        Assert.Equal(502, (int)get1.StatusCode);
        Assert.Equal("Bad Gateway", await ReadDetailAsync(get1));
        Assert.Equal(504, (int)get2.StatusCode);
        Assert.Equal(200, (int)get3.StatusCode);
    }

    [Fact]
    public async Task Retry_hint_headers_html_pages_and_empty_bodies_can_be_scripted()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        server.Faults.Enqueue(FakeFault.TooManyRequests(TimeSpan.FromMilliseconds(250.5), shouldRetry: true));
        server.Faults.Enqueue(FakeFault.HtmlErrorPage(502));
        server.Faults.Enqueue(FakeFault.EmptyBody(408));
        server.Faults.Enqueue(FakeFault.Respond(409).WithHeader("x-should-retry", "false"));

        using HttpResponseMessage throttled = await CreateAsync(client);
        using HttpResponseMessage html = await CreateAsync(client);
        using HttpResponseMessage empty = await CreateAsync(client);
        using HttpResponseMessage conflict = await CreateAsync(client);

        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.Equal("250.5", Header(throttled, "retry-after-ms"));
        Assert.Equal("1", Header(throttled, "Retry-After"));
        Assert.Equal("true", Header(throttled, "x-should-retry"));
        Assert.Equal(502, (int)html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", await html.Content.ReadAsStringAsync());
        Assert.False(HasHeader(html, "X-API-Version"));
        Assert.Equal(408, (int)empty.StatusCode);
        Assert.Equal(string.Empty, await empty.Content.ReadAsStringAsync());
        Assert.Equal("false", Header(conflict, "x-should-retry"));
        Assert.Empty(server.Generations);
    }

    [Fact]
    public async Task A_dropped_connection_before_the_body_is_read_creates_nothing()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateAsync(client));
        using HttpResponseMessage after = await CreateAsync(client);

        Assert.Equal(201, (int)after.StatusCode);
        RecordedRequest dropped = server.Requests[0];
        Assert.True(dropped.ConnectionDropped);
        Assert.Null(dropped.StatusCode);
        Assert.Null(dropped.GenerationId);
        Assert.Equal(FakeFaultKind.DropConnection, dropped.Fault!.Kind);
        Assert.Single(server.Generations);
    }

    [Fact]
    public async Task Uncertain_post_creates_the_job_exactly_once_then_drops_the_connection()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenDrop());
        using var request = new HttpRequestMessage(HttpMethod.Post, "generations") { Content = Json("""{"prompt":"paid work"}""") };
        request.Headers.Add("X-Request-Id", "attempt-1");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request));

        RecordedRequest record = Assert.Single(server.Requests);
        FakeGeneration generation = Assert.Single(server.Generations);
        Assert.True(record.ConnectionDropped);
        Assert.Equal(generation.Id, record.GenerationId);
        Assert.Equal("attempt-1", generation.RequestId);
        Assert.Equal("paid work", generation.Prompt);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(504)]
    public async Task Process_then_respond_creates_the_job_but_answers_an_error(int status)
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { RequestsPerMinute = 10 });
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenRespond(status));

        using HttpResponseMessage response = await CreateAsync(client);
        using HttpResponseMessage next = await CreateAsync(client);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(HasHeader(response, "X-RateLimit-Remaining"));
        Assert.Equal("8", Header(next, "X-RateLimit-Remaining"));
        Assert.Equal(2, server.Generations.Count);
        Assert.Equal(server.Generations[0].Id, server.Requests[0].GenerationId);
        Assert.Equal(status, server.Requests[0].StatusCode);
    }

    [Fact]
    public async Task A_truncated_body_is_broken_json_or_a_short_read()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        string id = server.SeedGeneration();
        server.Faults.Add(FakeRoute.Get, FakeFault.TruncatedBody());
        server.Faults.Add(FakeRoute.Get, FakeFault.TruncatedBody(keepBytes: 10, dropConnection: true));

        using HttpResponseMessage broken = await client.GetAsync($"generations/{id}");
        string text = await broken.Content.ReadAsStringAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"generations/{id}"));

        Assert.Equal(200, (int)broken.StatusCode);
        Assert.StartsWith("{\"id\":", text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.True(server.Requests[1].ConnectionDropped);
        Assert.Equal(200, server.Requests[1].StatusCode);
    }

    [Fact]
    public async Task A_download_can_be_cut_short()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutputSizeBytes = 100_000 });
        using HttpClient api = Client(server);
        using HttpClient storage = AnonymousClient();
        string url = await SimulatorDownloadTests.OutputUrlAsync(api, server.SeedGeneration());
        server.Faults.Add(FakeRoute.Download, FakeFault.TruncatedBody(keepBytes: 40_000, dropConnection: true));

        using HttpResponseMessage response = await storage.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await response.Content.ReadAsStreamAsync();
        var copy = new MemoryStream();

        Assert.Equal(100_000, response.Content.Headers.ContentLength);
        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(copy));
        Assert.Equal(40_000, copy.Length);
    }

    [Fact]
    public async Task A_delay_holds_the_request_until_the_server_clock_advances()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.Delay(TimeSpan.FromSeconds(90)));

        Task<HttpResponseMessage> pending = CreateAsync(client);
        await clock.WaitForTimersAsync();
        Assert.False(pending.IsCompleted);
        Assert.Null(Assert.Single(server.Requests).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(90));
        using HttpResponseMessage response = await pending;

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(Start.AddSeconds(90), server.Generations[0].CreatedAt);
    }

    [Fact]
    public async Task A_client_that_times_out_after_the_server_accepted_leaves_exactly_one_job()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenDelay(TimeSpan.FromMinutes(5)));
        using var timeout = new CancellationTokenSource();

        Task<HttpResponseMessage> pending = client.PostAsync("generations", Json("""{"prompt":"slow answer"}"""), timeout.Token);
        await clock.WaitForTimersAsync();
        FakeGeneration created = Assert.Single(server.Generations);
        await timeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(created.Id, Assert.Single(server.Requests).GenerationId);
        Assert.Single(server.Generations);
    }

    [Fact]
    public async Task A_delay_can_be_followed_by_another_fault()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        server.Faults.Enqueue(FakeFault.Delay(TimeSpan.FromMilliseconds(1), FakeFault.ProcessThenRespond(504)));

        using HttpResponseMessage response = await CreateAsync(client);

        Assert.Equal(504, (int)response.StatusCode);
        Assert.Single(server.Generations);
        Assert.Equal("Delay 00:00:00.0010000, then ProcessThenRespond 504", server.Requests[0].Fault!.ToString());
    }

    [Fact]
    public async Task Disposing_the_server_releases_requests_held_by_a_delay()
    {
        var clock = new ManualTimeProvider(Start);
        var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        server.Faults.Enqueue(FakeFault.Delay(TimeSpan.FromDays(1)));
        Task<HttpResponseMessage> pending = CreateAsync(client);
        await clock.WaitForTimersAsync();

        Task dispose = server.DisposeAsync().AsTask();

        Assert.Same(dispose, await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(3))));
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }
}
