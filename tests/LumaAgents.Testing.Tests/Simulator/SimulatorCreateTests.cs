using System.Text.Json;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorCreateTests
{
    [Fact]
    public async Task Create_answers_201_with_a_queued_generation_stamped_by_the_server_clock()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);

        using HttpResponseMessage response = await CreateAsync(client);
        JsonElement generation = await ReadJsonAsync(response);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.True(Guid.TryParse(generation.GetProperty("id").GetString(), out _));
        Assert.Equal("2026-04-08T12:00:00Z", generation.GetProperty("created_at").GetString());
        Assert.Equal("uni-1", generation.GetProperty("model").GetString());
        Assert.Equal("image", generation.GetProperty("type").GetString());
        Assert.Equal("queued", generation.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, generation.GetProperty("failure_code").ValueKind);
        Assert.Equal(JsonValueKind.Null, generation.GetProperty("failure_reason").ValueKind);
        Assert.Equal(0, generation.GetProperty("output").GetArrayLength());
    }

    [Fact]
    public async Task Created_at_keeps_fractional_seconds_when_the_clock_has_them()
    {
        var clock = new ManualTimeProvider(Start.AddMilliseconds(250));
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);

        JsonElement generation = await CreateGenerationAsync(client);

        Assert.Equal("2026-04-08T12:00:00.25Z", generation.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task Create_carries_rate_limit_headers_only_when_a_limit_is_configured()
    {
        var clock = new ManualTimeProvider(Start);
        await using var limited = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, RequestsPerMinute = 30 });
        await using var unlimited = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient limitedClient = Client(limited);
        using HttpClient unlimitedClient = Client(unlimited);

        using HttpResponseMessage first = await CreateAsync(limitedClient);
        using HttpResponseMessage second = await CreateAsync(limitedClient);
        using HttpResponseMessage open = await CreateAsync(unlimitedClient);

        Assert.Equal("30", Header(first, "X-RateLimit-Limit"));
        Assert.Equal("29", Header(first, "X-RateLimit-Remaining"));
        Assert.Equal("28", Header(second, "X-RateLimit-Remaining"));
        Assert.Equal((Start.ToUnixTimeSeconds() + 60).ToString(), Header(first, "X-RateLimit-Reset"));
        Assert.False(HasHeader(open, "X-RateLimit-Limit"));
        Assert.False(HasHeader(open, "X-RateLimit-Remaining"));
        Assert.False(HasHeader(open, "X-RateLimit-Reset"));
    }

    [Theory]
    [InlineData("""{"prompt":"x","model":"uni-1-max"}""", "uni-1-max", "image")]
    [InlineData("""{"prompt":"x","type":"video","model":"ray-3.2"}""", "ray-3.2", "video")]
    [InlineData("""{"type":"layering","source":{"url":"https://example.com/a.png"}}""", "uni-1", "layering")]
    [InlineData("""{"prompt":"x","type":"image_edit","source":{"url":"https://example.com/a.png"}}""", "uni-1", "image_edit")]
    public async Task Create_echoes_model_and_type_after_defaults(string body, string model, string type)
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);

        JsonElement generation = await CreateGenerationAsync(client, body);

        Assert.Equal(model, generation.GetProperty("model").GetString());
        Assert.Equal(type, generation.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("not json", 400, FakeLumaServerDetails.InvalidJson)]
    [InlineData("", 400, FakeLumaServerDetails.InvalidJson)]
    [InlineData("""["a"]""", 400, FakeLumaServerDetails.BodyNotAnObject)]
    [InlineData("""{}""", 400, FakeLumaServerDetails.PromptRequired)]
    [InlineData("""{"prompt":""}""", 400, FakeLumaServerDetails.PromptEmpty)]
    [InlineData("""{"prompt":"x","model":"uni-2"}""", 400, FakeLumaServerDetails.UnknownModel)]
    [InlineData("""{"prompt":"x","type":"audio"}""", 400, FakeLumaServerDetails.UnknownType)]
    [InlineData("""{"prompt":"x","type":"image_edit"}""", 400, "source: Field required for type 'image_edit'")]
    [InlineData("""{"prompt":"x","type":"video_reframe","model":"ray-3.2"}""", 400, "source: Field required for type 'video_reframe'")]
    [InlineData("""{"prompt":"x","type":"video"}""", 400, "model: Type 'video' requires model 'ray-3.2' (the default model is 'uni-1')")]
    [InlineData("""{"type":"layering","model":"uni-1-max","source":{"url":"https://example.com/a.png"}}""", 400, "model: Type 'layering' requires model 'uni-1'")]
    [InlineData("""{"type":"layering"}""", 400, "source: Field required for type 'layering'")]
    [InlineData("""{"prompt":"x","image_ref":[{}]}""", 400, "image_ref[0]: " + FakeLumaServerDetails.ImageRefNeedsExactlyOneSource)]
    [InlineData("""{"prompt":"x","image_ref":[{"url":"https://example.com/a.png"},{"url":"https://example.com/b.png","file_id":"f"}]}""", 400, "image_ref[1]: " + FakeLumaServerDetails.ImageRefNeedsExactlyOneSource)]
    [InlineData("""{"prompt":"x","image_ref":[{"data":"aGVsbG8="}]}""", 400, "image_ref[0].media_type: " + FakeLumaServerDetails.MediaTypeRequiredWithData)]
    [InlineData("""{"prompt":"x","image_ref":[{"url":"http://example.com/a.png"}]}""", 422, "image_ref[0].url: " + FakeLumaServerDetails.CouldNotFetchUrl)]
    [InlineData("""{"prompt":"x","image_ref":[{"url":"https://127.0.0.1/a.png"}]}""", 422, "image_ref[0].url: " + FakeLumaServerDetails.CouldNotFetchUrl)]
    [InlineData("""{"prompt":"x","image_ref":[{"generation_id":"5b0c5f6e-8f1a-4a59-9d3e-2a8a1d3f9c11"}]}""", 422, "image_ref[0].generation_id: " + FakeLumaServerDetails.ReferencedGenerationNotFound)]
    [InlineData("""{"prompt":"x","style":"manga","aspect_ratio":"16:9"}""", 400, "style: 'manga' requires a portrait aspect_ratio ('2:3', '9:16', '1:2' or '1:3')")]
    [InlineData("""{"prompt":"x","aspect_ratio":"21:9"}""", 400, "aspect_ratio: '21:9' is not supported for type 'image'; expected one of '3:1', '2:1', '16:9', '3:2', '1:1', '2:3', '9:16', '1:2' or '1:3'")]
    [InlineData("""{"prompt":"x","model":"uni-1","video":{"duration":"5s"}}""", 400, "video: Only supported with model 'ray-3.2'")]
    public async Task Invalid_requests_answer_with_a_detail_naming_the_json_path(string body, int status, string detail)
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);

        using HttpResponseMessage response = await CreateAsync(client, body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(detail, await ReadDetailAsync(response));
        Assert.Empty(server.Generations);
    }

    [Fact]
    public async Task Prompt_limits_count_characters_and_image_refs_are_capped_at_nine()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        string refs = string.Join(",", Enumerable.Repeat("""{"url":"https://example.com/a.png"}""", 10));

        using HttpResponseMessage tooLong = await CreateAsync(client, JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = new string('a', 6001) }));
        using HttpResponseMessage longest = await CreateAsync(client, JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = string.Concat(Enumerable.Repeat("😀", 6000)) }));
        using HttpResponseMessage tooManyRefs = await CreateAsync(client, $$"""{"prompt":"x","image_ref":[{{refs}}]}""");

        Assert.Equal(FakeLumaServerDetails.PromptTooLong, await ReadDetailAsync(tooLong));
        Assert.Equal(201, (int)longest.StatusCode);
        Assert.Equal(FakeLumaServerDetails.TooManyImageRefs, await ReadDetailAsync(tooManyRefs));
    }

    [Fact]
    public async Task All_problems_of_the_most_severe_status_are_reported_together()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);

        using HttpResponseMessage response = await CreateAsync(client, """{"model":"nope","image_ref":[{"url":"http://example.com/a.png"}]}""");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal($"{FakeLumaServerDetails.UnknownModel}; {FakeLumaServerDetails.PromptRequired}", await ReadDetailAsync(response));
    }

    [Fact]
    public async Task An_image_ref_to_a_known_generation_is_accepted_and_unknown_fields_are_ignored()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);
        string seeded = server.SeedGeneration();

        using HttpResponseMessage response = await CreateAsync(client, $$$"""{"prompt":"x","image_ref":[{"generation_id":"{{{seeded}}}"}],"future_field":{"a":1}}""");

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_and_creates_nothing()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { MaxBodyBytes = 1024 });
        using HttpClient client = Client(server);
        string body = JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = "x", ["pad"] = new string('p', 4096) });

        using HttpResponseMessage response = await CreateAsync(client, body);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.StartsWith(FakeLumaServerDetails.RequestBodyTooLarge, await ReadDetailAsync(response));
        Assert.Empty(server.Generations);
        Assert.Equal(string.Empty, Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task The_request_log_records_method_path_headers_body_and_the_created_generation()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        const string Body = """{"prompt":"a red fox","user_id":"u-1"}""";

        JsonElement generation = await CreateGenerationAsync(client, Body);
        using HttpResponseMessage get = await client.GetAsync($"generations/{generation.GetProperty("id").GetString()}?expand=none");

        RecordedRequest create = server.Requests[0];
        Assert.Equal("POST", create.Method);
        Assert.Equal("/v1/generations", create.Path);
        Assert.Equal(RouteKind.Create, create.RouteKind);
        Assert.Equal(Body, create.Body);
        Assert.Equal($"Bearer {server.ApiKey}", create.Headers["authorization"]);
        Assert.True(create.HasAuthorization);
        Assert.Equal(Start, create.ReceivedAt);
        Assert.Equal(201, create.StatusCode);
        Assert.Equal(generation.GetProperty("id").GetString(), create.GenerationId);
        Assert.Null(create.Fault);
        RecordedRequest read = server.Requests[1];
        Assert.Equal(RouteKind.Get, read.RouteKind);
        Assert.Equal("expand=none", read.Query);
        Assert.Equal(200, read.StatusCode);

        server.ClearRequests();
        Assert.Empty(server.Requests);
        Assert.Equal(Body, Assert.Single(server.Generations).RequestBody);
    }
}
