using System.Net;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Clients;

/// <summary>Create and get at the HTTP level: method, path, headers, body, and what comes back.</summary>
public sealed class GenerationsClientTests
{
    [Fact]
    public async Task Create_posts_snake_case_json_with_auth_accept_and_user_agent()
    {
        var handler = new StubHandler(HttpStatusCode.Created, Samples.Queued);
        using var client = TestClients.WithHandler(handler);

        var generation = await client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox", AspectRatio.Ratio1x1));

        Assert.Equal(GenerationState.Queued, generation.State);
        var call = Assert.Single(handler.Calls);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal("https://api.test/v1/generations", call.Uri.ToString());
        Assert.Equal("Bearer " + TestClients.ApiKey, call.Headers["Authorization"]);
        Assert.Equal("application/json", call.Headers["Accept"]);
        Assert.Matches(@"^LumaAgents/\d+\.\d+\.\d+\S* \(\.NET [^;()]+; [^()]+\)$", call.Headers["User-Agent"]);
        JsonAssert.Equivalent("""{"prompt":"a fox","type":"image","aspect_ratio":"1:1"}""", call.Body!);
    }

    [Fact]
    public async Task Create_with_response_exposes_status_request_id_version_and_rate_limit()
    {
        var handler = new StubHandler(HttpStatusCode.Created, Samples.Queued, r =>
        {
            r.Headers.TryAddWithoutValidation("X-Request-Id", "req_9");
            r.Headers.TryAddWithoutValidation("X-API-Version", "2026-04-01");
            r.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "30");
            r.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "29");
            r.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "1775649660");
        });
        using var client = TestClients.WithHandler(handler, o => o.TimeProvider = new LumaAgents.Testing.ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1775649600)));

        var response = await client.Generations.CreateWithResponseAsync(GenerationRequest.CreateImage("a fox"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("req_9", response.RequestId);
        Assert.Equal("2026-04-01", response.ApiVersion);
        Assert.Equal(new RateLimitInfo(30, 29, DateTimeOffset.FromUnixTimeSeconds(1775649660)), response.RateLimit);
        Assert.Equal(response.RateLimit, client.RateLimit);
        Assert.Equal(Samples.GenerationId, response.Value.Id);
    }

    [Fact]
    public async Task Get_reads_the_generation_by_id()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Samples.Completed);
        using var client = TestClients.WithHandler(handler);

        var response = await client.Generations.GetWithResponseAsync(Samples.GenerationId);

        Assert.Equal(HttpMethod.Get, handler.Calls[0].Method);
        Assert.Equal($"https://api.test/v1/generations/{Samples.GenerationId}", handler.Calls[0].Uri.ToString());
        Assert.Null(handler.Calls[0].Body);
        Assert.True(response.Value.IsCompleted);
        Assert.Null(response.RateLimit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("../generations")]
    [InlineData("id?x=1")]
    [InlineData("id#frag")]
    [InlineData("a b")]
    [InlineData("a\nb")]
    [InlineData("a%2Fb")]
    public async Task Unsafe_ids_are_refused_before_any_request(string id)
    {
        var handler = new StubHandler(HttpStatusCode.OK, Samples.Completed);
        using var client = TestClients.WithHandler(handler);

        var error = await Assert.ThrowsAsync<LumaValidationException>(() => client.Generations.GetAsync(id));

        Assert.Equal("generation_id", Assert.Single(error.Errors).Path);
        Assert.StartsWith("The id has 1 problem: generation_id: ", error.Message);
        Assert.EndsWith(".", error.Message);
        Assert.DoesNotContain(":.", error.Message);
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task A_null_id_is_an_argument_null_error()
    {
        using var client = TestClients.WithHandler(new StubHandler(HttpStatusCode.OK, Samples.Completed));

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Generations.GetAsync(null!));
    }

    [Fact]
    public async Task Id_characters_outside_the_unreserved_set_are_percent_encoded()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Samples.Completed);
        using var client = TestClients.WithHandler(handler);

        await client.Generations.GetAsync("gen:123");

        Assert.EndsWith("/generations/gen%3A123", handler.Calls[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_any_request_with_every_problem()
    {
        var handler = new StubHandler(HttpStatusCode.Created, Samples.Queued);
        using var client = TestClients.WithHandler(handler);

        var error = await Assert.ThrowsAsync<LumaValidationException>(
            () => client.Generations.CreateAsync(new GenerationRequest { Type = GenerationType.VideoEdit }));

        Assert.Contains(error.Errors, e => e.Path == "prompt");
        Assert.Contains(error.Errors, e => e.Path == "source");
        Assert.Contains(error.Errors, e => e.Path == "model");
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task Validation_can_be_switched_off_leaving_the_server_to_judge()
    {
        var handler = new StubHandler(HttpStatusCode.BadRequest, """{"detail":"prompt: Field required"}""");
        using var client = TestClients.WithHandler(handler, o => o.ValidateRequests = false);

        var error = await Assert.ThrowsAsync<LumaBadRequestException>(() => client.Generations.CreateAsync(new GenerationRequest()));

        Assert.Equal("prompt: Field required", error.Detail);
        Assert.Single(handler.Calls);
    }

    [Fact]
    public async Task A_number_JSON_cannot_carry_is_a_validation_error_with_nothing_sent_even_with_validation_off()
    {
        var handler = new StubHandler(HttpStatusCode.Created, Samples.Queued);
        using var client = TestClients.WithHandler(handler, o => o.ValidateRequests = false);
        var request = GenerationRequest.CreateVideoEdit(
            "make it rain", ImageRef.FromUrl("https://example.com/in.mp4"),
            new VideoEditOptions { Controls = new AdvancedControls { Depth = new DepthControl { Blur = double.NaN } } });

        var error = await Assert.ThrowsAsync<LumaValidationException>(() => client.Generations.CreateAsync(request));

        Assert.Contains("cannot be written as JSON", error.Message);
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task A_null_request_is_an_argument_null_error()
    {
        using var client = TestClients.WithHandler(new StubHandler(HttpStatusCode.Created, Samples.Queued));

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Generations.CreateAsync(null!));
    }

    [Fact]
    public async Task A_cancelled_token_is_an_operation_cancelled_error_and_sends_nothing()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Samples.Completed);
        using var client = TestClients.WithHandler(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Generations.GetAsync("g1", new CancellationToken(canceled: true)));
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task The_callers_http_client_is_not_disposed_with_the_luma_client()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Samples.Completed);
        var http = new HttpClient(handler);
        var client = new LumaClient(http, new LumaClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri("https://api.test/v1/") });

        client.Dispose();

        var response = await http.GetAsync("https://api.test/v1/generations/x");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_substitute_made_with_the_mocking_constructor_fails_what_it_does_not_override_without_sending()
    {
        GenerationsClient fake = new FakeGenerations();

        // What the substitute overrides is what code under test gets; anything else says what to do, and never
        // reaches a network (the mocking constructor gives it no connection at all).
        var create = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.CreateAsync(GenerationRequest.CreateImage("a fox")));
        var read = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.GetWithResponseAsync("g1"));

        Assert.Contains("protected constructor", create.Message);
        Assert.Contains("Override the methods your test uses", create.Message);
        Assert.Equal(create.Message, read.Message);
    }

    private sealed class FakeGenerations : GenerationsClient
    {
        public override Task<Generation> GetAsync(string generationId, CancellationToken cancellationToken = default)
            => Task.FromResult(new Generation { Id = "from-fake", State = GenerationState.Completed });
    }
}
