using System.Net;
using System.Text;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Errors;

/// <summary>Every status maps to its typed exception, keeping status, detail, request id and headers (reference §4).</summary>
public sealed class ErrorMappingTests
{
    public static TheoryData<int, Type> StatusTypes => new()
    {
        { 400, typeof(LumaBadRequestException) },
        { 401, typeof(LumaAuthenticationException) },
        { 402, typeof(LumaPaymentRequiredException) },
        { 403, typeof(LumaPermissionDeniedException) },
        { 404, typeof(LumaNotFoundException) },
        { 409, typeof(LumaConflictException) },
        { 413, typeof(LumaPayloadTooLargeException) },
        { 422, typeof(LumaUnprocessableEntityException) },
        { 429, typeof(LumaRateLimitException) },
        { 500, typeof(LumaServerException) },
        { 502, typeof(LumaServerException) },
        { 503, typeof(LumaServerException) },
        { 504, typeof(LumaServerException) },
        { 418, typeof(LumaApiException) },
        { 405, typeof(LumaApiException) },
    };

    [Theory]
    [MemberData(nameof(StatusTypes))]
    public async Task Each_status_becomes_its_typed_exception_with_detail_and_request_id(int status, Type expected)
    {
        using var client = ClientAnswering((HttpStatusCode)status, """{"detail":"image_ref[0]: something is off"}""", r =>
        {
            r.Headers.TryAddWithoutValidation("X-Request-Id", "req_abc");
            r.Headers.TryAddWithoutValidation("X-API-Version", "2026-04-01");
        });

        var error = await Assert.ThrowsAnyAsync<LumaApiException>(() => client.Generations.GetAsync("g1"));

        Assert.IsType(expected, error);
        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal("image_ref[0]: something is off", error.Detail);
        Assert.Equal("req_abc", error.RequestId);
        Assert.Equal("2026-04-01", error.ApiVersion);
        Assert.Contains(status.ToString(), error.Message);
        Assert.Contains("image_ref[0]: something is off", error.Message);
        Assert.Contains("req_abc", error.Message);
        Assert.IsAssignableFrom<LumaException>(error);
    }

    [Fact]
    public async Task Rpm_429_keeps_retry_after_rate_limit_and_kind()
    {
        using var client = ClientAnswering((HttpStatusCode)429, """{"detail":"Rate limit exceeded"}""", r =>
        {
            r.Headers.TryAddWithoutValidation("Retry-After", "17");
            r.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "30");
            r.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "0");
            r.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "1775649617");
        });

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => client.Generations.GetAsync("g1"));

        Assert.Equal(RateLimitKind.RequestsPerMinute, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(17), error.RetryAfter);
        Assert.Equal(new RateLimitInfo(30, 0, DateTimeOffset.FromUnixTimeSeconds(1775649617)), error.RateLimit);
        Assert.Contains("Retry after 17 s", error.Message);
    }

    [Fact]
    public async Task Concurrent_jobs_429_is_told_apart_by_its_detail()
    {
        using var client = ClientAnswering((HttpStatusCode)429, """{"detail":"Too many concurrent jobs"}""", r => r.Headers.TryAddWithoutValidation("Retry-After", "60"));

        var error = await Assert.ThrowsAsync<LumaRateLimitException>(() => client.Generations.GetAsync("g1"));

        Assert.Equal(RateLimitKind.ConcurrentJobs, error.Kind);
        Assert.Null(error.RateLimit);
        Assert.Contains("running generations has finished", error.Message);
    }

    public static TheoryData<string, string, string?> OddBodies => new()
    {
        { "empty", "", null },
        { "html from a proxy", "<html><body><h1>502 Bad Gateway</h1></body></html>", null },
        { "truncated json", """{"detail":"Generation not fo""", null },
        { "json without detail", """{"error":"nope"}""", null },
        { "detail is a list", """{"detail":[{"loc":["body","prompt"],"msg":"field required"}]}""", """[{"loc":["body","prompt"],"msg":"field required"}]""" },
        { "detail is null", """{"detail":null}""", null },
        { "json array", """[1,2]""", null },
        { "plain text", "upstream connect error", null },
    };

    [Theory]
    [MemberData(nameof(OddBodies))]
    public async Task Odd_bodies_still_give_the_typed_exception_and_keep_the_raw_text(string name, string body, string? detail)
    {
        using var client = ClientAnswering(HttpStatusCode.BadGateway, body, contentType: "text/html");

        var error = await Assert.ThrowsAsync<LumaServerException>(() => client.Generations.GetAsync("g1"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(detail == error.Detail, $"{name}: detail was {error.Detail}");
        Assert.Equal(body.Length == 0 ? "" : body, error.ResponseBody);
        Assert.Contains("502", error.Message);
    }

    [Fact]
    public async Task A_huge_error_body_is_kept_only_in_part()
    {
        var body = "<html>" + new string('x', 1_000_000) + "</html>";
        using var client = ClientAnswering(HttpStatusCode.ServiceUnavailable, body, contentType: "text/html");

        var error = await Assert.ThrowsAsync<LumaServerException>(() => client.Generations.GetAsync("g1"));

        Assert.True(error.ResponseBody!.Length < 5000);
        Assert.EndsWith("(truncated)", error.ResponseBody);
        Assert.True(error.Message.Length < 500);
    }

    [Fact]
    public async Task A_success_status_with_a_broken_body_is_a_luma_exception_with_the_request_id()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, """{"id":"g1","state":""", r => r.Headers.TryAddWithoutValidation("X-Request-Id", "req_1"));

        var error = await Assert.ThrowsAsync<LumaException>(() => client.Generations.GetAsync("g1"));

        Assert.Equal("req_1", error.RequestId);
        Assert.Contains("not a valid Generation", error.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_exception()
    {
        using var client = new LumaClient(
            new LumaClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri("http://127.0.0.1:1/v1/"), Retry = { MaxRetries = 0 } },
            httpClient: null,
            TestClients.NoEnvironment);

        var error = await Assert.ThrowsAsync<LumaConnectionException>(() => client.Generations.GetAsync("g1"));

        Assert.Contains("127.0.0.1", error.Message);
        Assert.DoesNotContain(TestClients.ApiKey, error.Message);
        // The OS's words end with a period before the SDK's advice starts (issue 18), and no sentence gets two.
        Assert.Matches(@"\.\s+Check the network", error.Message);
        Assert.DoesNotContain("..", error.Message);
    }

    [Fact]
    public void Generation_failed_exception_reports_code_reason_and_retryability()
    {
        foreach (var code in FailureCode.KnownValues)
        {
            var error = new GenerationFailedException(new Generation { Id = "g1", State = GenerationState.Failed, FailureCode = code, FailureReason = "why" });

            var retryable = code == FailureCode.GenerationFailed || code == FailureCode.OutputNotFound || code == FailureCode.RateLimited;
            Assert.Equal(retryable, error.IsRetryable);
            Assert.Equal(code, error.FailureCode);
            Assert.Contains(code.Value, error.Message);
            Assert.Contains("why", error.Message);
        }

        Assert.False(new GenerationFailedException(new Generation { Id = "g", FailureCode = "brand_new" }).IsRetryable);
        Assert.False(new GenerationFailedException(new Generation { Id = "g" }).IsRetryable);
    }

    /// <summary>The clock of these tests: the rate-limit headers below are plausible at this moment.</summary>
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1775649600);

    private static LumaClient ClientAnswering(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null, string contentType = "application/json")
        => TestClients.WithHandler(
            new StubHandler((_, _) =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
                configure?.Invoke(response);
                return response;
            }),
            o => o.TimeProvider = new LumaAgents.Testing.ManualTimeProvider(Now));
}
