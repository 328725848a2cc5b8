using System.Net;
using LumaAgents.ContractTests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LumaAgents.ContractTests;

/// <summary>
/// Errors (reference §4, §5): every documented status surfaces as its typed <see cref="LumaApiException"/> with the
/// status, the server's <c>detail</c> and the request id kept; 429s keep Retry-After and the rate-limit headers; the
/// retry rules of §7 hold on the wire (a create is retried only where the job surely was not made).
/// </summary>
public sealed class ErrorContractTests : ContractTest
{
    private const string GenerationId = "9f3c2a1e-5b7d-4c8e-a1f2-3b4c5d6e7f80";
    private const string FileId = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f60718293";

    /// <summary>The statuses of §4, and 500, with the type each must surface as.</summary>
    public static TheoryData<int, Type> DocumentedStatuses => new()
    {
        { 400, typeof(LumaBadRequestException) },
        { 401, typeof(LumaAuthenticationException) },
        { 402, typeof(LumaPaymentRequiredException) },
        { 403, typeof(LumaPermissionDeniedException) },
        { 404, typeof(LumaNotFoundException) },
        { 413, typeof(LumaPayloadTooLargeException) },
        { 422, typeof(LumaUnprocessableEntityException) },
        { 500, typeof(LumaServerException) },
        { 502, typeof(LumaServerException) },
        { 503, typeof(LumaServerException) },
    };

    private static string Detail(int status) => $"image_ref[0]: the documented failure for {status}";

    private static IResponseBuilder Error(int status, string requestId)
        => Json(status, $$"""{"detail":"{{Detail(status)}}"}""", requestId);

    private static void AssertKept(LumaApiException error, Type expected, int status, string requestId)
    {
        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(Detail(status), error.Detail);
        Assert.Equal(requestId, error.RequestId);
        Assert.Equal("2026-04-01", error.ApiVersion);
        Assert.Contains(Detail(status), error.ResponseBody);
        Assert.Contains(Detail(status), error.Message);
        Assert.Contains(requestId, error.Message);
    }

    [Theory]
    [MemberData(nameof(DocumentedStatuses))]
    public async Task Create_generation_error_surfaces_typed_with_status_detail_and_request_id(int status, Type expected)
    {
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}""")).RespondWith(Error(status, "req-create-" + status));

        var error = await Assert.ThrowsAnyAsync<LumaApiException>(() => Client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));

        AssertKept(error, expected, status, "req-create-" + status);
        AssertEveryRequestMatched(1);
    }

    [Theory]
    [MemberData(nameof(DocumentedStatuses))]
    public async Task Get_generation_error_surfaces_typed_with_status_detail_and_request_id(int status, Type expected)
    {
        Server.Given(Api("GET", "/generations/" + GenerationId)).RespondWith(Error(status, "req-get-" + status));

        var error = await Assert.ThrowsAnyAsync<LumaApiException>(() => Client.Generations.GetAsync(GenerationId));

        AssertKept(error, expected, status, "req-get-" + status);
        AssertEveryRequestMatched(1);
    }

    [Theory]
    [MemberData(nameof(DocumentedStatuses))]
    public async Task File_calls_surface_errors_typed_with_status_detail_and_request_id(int status, Type expected)
    {
        Server.Given(ApiJson("POST", "/files", """{"mime_type":"image/png","size_bytes":3}""")).RespondWith(Error(status, "req-fc-" + status));
        Server.Given(Api("GET", "/files/" + FileId)).RespondWith(Error(status, "req-fg-" + status));
        Server.Given(Api("POST", $"/files/{FileId}/complete")).RespondWith(Error(status, "req-fx-" + status));
        Server.Given(Api("GET", "/files")).RespondWith(Error(status, "req-fl-" + status));
        Server.Given(Api("DELETE", "/files/" + FileId, accept: "*/*")).RespondWith(Error(status, "req-fd-" + status));

        AssertKept(await Assert.ThrowsAnyAsync<LumaApiException>(() => Client.Files.CreateAsync(new FileCreateRequest { MimeType = "image/png", SizeBytes = 3 })), expected, status, "req-fc-" + status);
        AssertKept(await Assert.ThrowsAnyAsync<LumaApiException>(() => Client.Files.GetAsync(FileId)), expected, status, "req-fg-" + status);
        AssertKept(await Assert.ThrowsAnyAsync<LumaApiException>(() => Client.Files.CompleteAsync(FileId)), expected, status, "req-fx-" + status);
        AssertKept(await Assert.ThrowsAnyAsync<LumaApiException>(() => Client.Files.ListPageAsync()), expected, status, "req-fl-" + status);
        AssertKept(await Assert.ThrowsAnyAsync<LumaApiException>(() => Client.Files.DeleteAsync(FileId)), expected, status, "req-fd-" + status);
        AssertEveryRequestMatched(5);
    }

    [Fact]
    public async Task Requests_per_minute_429_keeps_retry_after_and_the_rate_limit_headers()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(7).ToUnixTimeSeconds();
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}"""))
            .RespondWith(Json(429, """{"detail":"Rate limit exceeded"}""", "req-rpm",
                ("Retry-After", "7"), ("X-RateLimit-Limit", "30"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        // Retries on, but the server's 7 s is past MaxServerDelay (0 here): surfaced at once, never slept on.
        var client = NewClient(o => o.Retry.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));

        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.Equal("Rate limit exceeded", error.Detail);
        Assert.Equal("req-rpm", error.RequestId);
        Assert.Equal(RateLimitKind.RequestsPerMinute, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(new RateLimitInfo(30, 0, DateTimeOffset.FromUnixTimeSeconds(reset)), error.RateLimit);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Concurrent_jobs_429_is_told_apart_by_its_detail_and_has_no_rate_limit_headers()
    {
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}"""))
            .RespondWith(Json(429, """{"detail":"Too many concurrent jobs"}""", "req-jobs", ("Retry-After", "60")));

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => Client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));

        Assert.Equal(RateLimitKind.ConcurrentJobs, error.Kind);
        Assert.Equal("Too many concurrent jobs", error.Detail);
        Assert.Equal("req-jobs", error.RequestId);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Null(error.RateLimit);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Retry_after_ms_is_read_in_milliseconds()
    {
        Server.Given(Api("GET", "/generations/" + GenerationId))
            .RespondWith(Json(429, """{"detail":"slow down"}""", "req-ms", ("retry-after-ms", "1500"), ("Retry-After", "2")));

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => Client.Generations.GetAsync(GenerationId));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
        Assert.Equal(RateLimitKind.Unknown, error.Kind);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Create_answered_503_is_retried_with_a_fresh_request_id_because_the_job_was_not_created()
    {
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}""")).AtPriority(10)
            .InScenario("ingest").WillSetStateTo("up")
            .RespondWith(Json(503, """{"detail":"URL ingestion unavailable"}""", "req-503"));
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}""")).AtPriority(1)
            .InScenario("ingest").WhenStateIs("up")
            .RespondWith(Json(201, $$"""{"id":"{{GenerationId}}","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image","state":"queued","output":[]}""", "req-201"));
        var client = NewClient(o => o.Retry.MaxRetries = 2);

        var generation = await Succeeds(() => client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));

        Assert.Equal(GenerationId, generation.Id);
        var attempts = RequestsTo("/v1/generations");
        Assert.Equal(2, attempts.Count);
        Assert.NotEqual(Header(attempts[0], "X-Request-Id"), Header(attempts[1], "X-Request-Id"));
        AssertEveryRequestMatched(2);
    }

    [Fact]
    public async Task Create_answered_500_is_not_retried_and_says_the_generation_may_exist()
    {
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}"""))
            .RespondWith(Json(500, """{"detail":"internal error"}""", "req-500"));
        var client = NewClient(o => o.Retry.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<LumaServerException>(() => client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));

        Assert.True(error.GenerationMayExist);
        Assert.Equal("req-500", error.RequestId);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Get_answered_500_is_retried_and_then_succeeds()
    {
        var get = Api("GET", "/generations/" + GenerationId);
        Server.Given(get).AtPriority(10).InScenario("flaky").WillSetStateTo("ok")
            .RespondWith(Json(500, """{"detail":"internal error"}""", "req-500"));
        Server.Given(get).AtPriority(1).InScenario("flaky").WhenStateIs("ok")
            .RespondWith(Json(200, $$"""{"id":"{{GenerationId}}","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image","state":"processing","output":[]}""", "req-200"));
        var client = NewClient(o => o.Retry.MaxRetries = 2);

        var generation = await Succeeds(() => client.Generations.GetAsync(GenerationId));

        Assert.Equal(GenerationState.Processing, generation.State);
        AssertEveryRequestMatched(2);
    }

    [Fact]
    public async Task An_error_without_a_server_request_id_keeps_the_one_the_sdk_sent()
    {
        Server.Given(Api("GET", "/generations/" + GenerationId))
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("""{"detail":"Generation not found"}"""));

        var error = await Assert.ThrowsAsync<LumaNotFoundException>(() => Client.Generations.GetAsync(GenerationId));

        var sent = Header(Assert.Single(RequestsTo("/v1/generations/" + GenerationId)), "X-Request-Id");
        Assert.NotNull(sent);
        Assert.Equal(sent, error.RequestId);
        Assert.Equal("Generation not found", error.Detail);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task A_non_string_detail_is_kept_as_its_json_text()
    {
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}"""))
            .RespondWith(Json(422, """{"detail":[{"loc":["body","prompt"],"msg":"too short"}]}""", "req-422"));

        var error = await Assert.ThrowsAsync<LumaUnprocessableEntityException>(() => Client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));

        Assert.Equal("""[{"loc":["body","prompt"],"msg":"too short"}]""", error.Detail);
        Assert.Equal("req-422", error.RequestId);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task A_body_that_is_not_json_keeps_its_text_and_has_no_detail()
    {
        Server.Given(Api("GET", "/generations/" + GenerationId))
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithHeader("X-Request-Id", "req-proxy")
                .WithBody("<html><body>502 Bad Gateway</body></html>"));

        var error = await Assert.ThrowsAsync<LumaServerException>(() => Client.Generations.GetAsync(GenerationId));

        Assert.Null(error.Detail);
        Assert.Equal("<html><body>502 Bad Gateway</body></html>", error.ResponseBody);
        Assert.Equal("req-proxy", error.RequestId);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task An_empty_401_body_is_tolerated()
    {
        Server.Given(Api("GET", "/generations/" + GenerationId))
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("X-Request-Id", "req-401"));

        var error = await Assert.ThrowsAsync<LumaAuthenticationException>(() => Client.Generations.GetAsync(GenerationId));

        Assert.Null(error.Detail);
        Assert.Equal("req-401", error.RequestId);
        AssertEveryRequestMatched(1);
    }
}
