using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LumaAgents.Samples.AspNetCore;
using LumaAgents.Samples.Tests.Support;
using LumaAgents.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LumaAgents.Samples.Tests;

/// <summary>The web sample over real HTTP on loopback: its endpoints, and every SDK failure as the right ProblemDetails.</summary>
[Collection(SamplesCollection.Name)]
public sealed class AspNetCoreSampleTests : InProcessSampleTest
{
    private static readonly string[] FastSimulator =
    [
        "--Simulator:QueuedFor", "00:00:00", "--Simulator:ProcessingFor", "00:00:01",
        "--LumaAgents:ImageWait:InitialDelay", "00:00:00", "--LumaAgents:ImageWait:PollInterval", "00:00:00.5",
    ];

    [Fact]
    public async Task The_web_sample_answers_real_http_calls_on_loopback()
    {
        await using var web = await WebSample.StartAsync(FastSimulator);

        var created = await web.Http.PostAsJsonAsync("/images", new { prompt = "a red fox", aspect_ratio = "16:9" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var now = await (await web.Http.GetAsync($"/images/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, now.GetProperty("id").GetString());

        var result = await web.Http.GetAsync($"/images/{id}/result?timeoutSeconds=30");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var done = await result.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.StartsWith("http://127.0.0.1", done.GetProperty("output")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Output_urls_keep_their_ampersands_so_a_url_copied_from_curl_works()
    {
        await using var web = await WebSample.StartAsync(FastSimulator);
        var id = await web.CreateAsync("a red fox");

        var text = await (await web.Http.GetAsync($"/images/{id}/result?timeoutSeconds=30")).Content.ReadAsStringAsync();

        var url = JsonDocument.Parse(text).RootElement.GetProperty("output")[0].GetProperty("url").GetString()!;
        Assert.Contains('&', url);
        Assert.Contains(url, text); // the URL appears verbatim in the body…
        Assert.DoesNotContain("\\u0026", text); // …not as \u0026, which the default encoder writes
    }

    [Fact]
    public async Task An_aspect_ratio_the_api_refuses_is_a_400_problem_naming_the_field()
    {
        await using var web = await WebSample.StartAsync(FastSimulator);

        var refused = await web.Http.PostAsJsonAsync("/images", new { prompt = "x", aspect_ratio = "17:9" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("aspect_ratio").EnumerateArray()).GetString();
        Assert.Contains("16:9", message);
        Assert.True(problem.TryGetProperty("luma_request_id", out _));
    }

    [Fact]
    public async Task A_request_that_breaks_the_documented_rules_is_a_400_with_every_problem()
    {
        await using var web = await WebSample.StartAsync(FastSimulator);

        var invalid = await web.Http.PostAsJsonAsync("/images", new { prompt = "", aspect_ratio = "21:9" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("prompt", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("aspect_ratio", out _));
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        await using var web = await WebSample.StartAsync(FastSimulator);

        var missing = await web.Http.GetAsync("/images/00000000-0000-4000-8000-000000000000");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_malformed_id_is_a_400_problem_naming_it()
    {
        await using var web = await WebSample.StartAsync(FastSimulator);

        var malformed = await web.Http.GetAsync("/images/not%20an%20id");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("generation_id", out _));
    }

    [Fact]
    public async Task A_generation_that_fails_on_its_content_is_a_422_with_the_failure_code()
    {
        await using var web = await WebSample.StartAsync(FastSimulator);
        var id = await web.CreateAsync("a fox [fail:content_moderated]");

        var result = await web.Http.GetAsync($"/images/{id}/result?timeoutSeconds=30");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.StatusCode);
        var problem = await result.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("content_moderated", problem.GetProperty("failure_code").GetString());
        Assert.False(problem.GetProperty("retryable").GetBoolean());
        Assert.Equal(id, problem.GetProperty("generation_id").GetString());
    }

    [Fact]
    public async Task A_wait_that_runs_out_is_a_202_with_the_generation_so_the_caller_comes_back()
    {
        await using var web = await WebSample.StartAsync(
            ["--Simulator:QueuedFor", "00:00:00", "--Simulator:ProcessingFor", "00:10:00",
             "--LumaAgents:ImageWait:InitialDelay", "00:00:00", "--LumaAgents:ImageWait:PollInterval", "00:00:00.5"]);
        var id = await web.CreateAsync("a slow fox");

        var result = await web.Http.GetAsync($"/images/{id}/result?timeoutSeconds=1");

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal(id, (await result.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_key_the_api_refuses_is_a_502_that_does_not_blame_the_caller()
    {
        await using var server = await FakeLumaServer.StartAsync();
        await using var web = await WebSample.StartAsync(["--LumaAgents:ApiKey", "luma-api-not-the-right-key", "--LumaAgents:BaseUrl", server.BaseUrl.ToString()]);

        var answer = await web.Http.PostAsJsonAsync("/images", new { prompt = "a fox" });

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("credentials", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("luma-api-not-the-right-key", body);
    }

    public static TheoryData<string, int, int> ApiFailures() => new()
    {
        { "403", 403, (int)HttpStatusCode.BadGateway },
        { "402", 402, (int)HttpStatusCode.ServiceUnavailable },
        { "422", 422, (int)HttpStatusCode.UnprocessableEntity },
        { "413", 413, (int)HttpStatusCode.RequestEntityTooLarge },
        { "503", 503, (int)HttpStatusCode.BadGateway },
        { "502", 502, (int)HttpStatusCode.BadGateway },
    };

    [Theory]
    [MemberData(nameof(ApiFailures))]
    public async Task An_api_status_becomes_the_right_answer_for_our_caller(string name, int apiStatus, int expected)
    {
        await using var server = await FakeLumaServer.StartAsync();
        server.Faults.Add(FakeRoute.Create, FakeFault.Respond(apiStatus, $$"""{"detail":"simulated {{name}}"}"""));
        await using var web = await WebSample.StartAsync(server);

        var answer = await web.Http.PostAsJsonAsync("/images", new { prompt = "a fox" });

        Assert.Equal(expected, (int)answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Out_of_credit_is_a_503_that_says_so()
    {
        await using var server = await FakeLumaServer.StartAsync();
        server.Faults.Add(FakeRoute.Create, FakeFault.Respond(402, """{"detail":"Insufficient balance"}"""));
        await using var web = await WebSample.StartAsync(server);

        var answer = await web.Http.PostAsJsonAsync("/images", new { prompt = "a fox" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Contains("out of credit", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_rate_limit_is_a_429_with_retry_after()
    {
        await using var server = await FakeLumaServer.StartAsync();
        server.Faults.Add(FakeRoute.Create, FakeFault.TooManyRequests(TimeSpan.FromSeconds(30)));
        await using var web = await WebSample.StartAsync(server);

        var answer = await web.Http.PostAsJsonAsync("/images", new { prompt = "a fox" });

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), answer.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_create_whose_outcome_is_unknown_is_a_502_that_warns_the_image_may_exist()
    {
        await using var server = await FakeLumaServer.StartAsync();
        server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenRespond(500));
        await using var web = await WebSample.StartAsync(server);

        var answer = await web.Http.PostAsJsonAsync("/images", new { prompt = "a fox" });

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generation_may_exist").GetBoolean());
    }

    [Fact]
    public async Task An_api_that_does_not_answer_in_time_is_a_504()
    {
        await using var server = await FakeLumaServer.StartAsync();
        server.Faults.Add(FakeRoute.Get, FakeFault.Delay(TimeSpan.FromMinutes(5)));
        await using var web = await WebSample.StartAsync(server, "--LumaAgents:Timeout", "00:00:00.5");
        var id = server.SeedGeneration();

        var answer = await web.Http.GetAsync($"/images/{id}");

        Assert.Equal(HttpStatusCode.GatewayTimeout, answer.StatusCode);
    }

    [Fact]
    public async Task An_api_that_cannot_be_reached_is_a_502()
    {
        await using var web = await WebSample.StartAsync(
            ["--LumaAgents:ApiKey", FakeLumaServerOptions.DefaultApiKey, "--LumaAgents:BaseUrl", "http://127.0.0.1:1/v1/", "--LumaAgents:Retry:MaxRetries", "0"]);

        var answer = await web.Http.PostAsJsonAsync("/images", new { prompt = "a fox" });

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void A_wait_past_its_deadline_maps_to_504_with_the_generation_id()
    {
        var problem = LumaExceptionHandler.ToProblemDetails(new GenerationTimeoutException("gen-1", null, TimeSpan.FromSeconds(30)));

        Assert.Equal(504, problem.Status);
        Assert.Equal("gen-1", problem.Extensions["generation_id"]);
    }

    [Fact]
    public void A_generation_that_failed_upstream_maps_by_its_failure_code()
    {
        static ProblemDetails For(string code) => LumaExceptionHandler.ToProblemDetails(
            new GenerationFailedException(new Generation { Id = "gen-1", State = GenerationState.Failed, FailureCode = new FailureCode(code) }));

        Assert.Equal(503, For("budget_exhausted").Status);
        Assert.Equal(502, For("generation_failed").Status);
        Assert.Equal(422, For("content_moderated").Status);
        Assert.Equal("generation_failed", For("generation_failed").Extensions["failure_code"]);
    }

    [Fact]
    public void A_validation_exception_lists_every_problem_by_path()
    {
        var problem = Assert.IsType<HttpValidationProblemDetails>(LumaExceptionHandler.ToProblemDetails(new LumaValidationException(
            [new LumaValidationError("prompt", "is required"), new LumaValidationError("video.loop", "needs 5s"), new LumaValidationError("prompt", "again")])));

        Assert.Equal(400, problem.Status);
        Assert.Equal(["is required", "again"], problem.Errors["prompt"]);
        Assert.Equal(["needs 5s"], problem.Errors["video.loop"]);
    }

    [Fact]
    public void Our_own_misconfiguration_is_a_500()
    {
        Assert.Equal(500, LumaExceptionHandler.ToProblemDetails(new LumaConfigurationException("no key")).Status);
    }

    /// <summary>The sample app on a free loopback port, with an HttpClient pointed at it.</summary>
    private sealed class WebSample : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private WebSample(WebApplication app, HttpClient http)
        {
            _app = app;
            Http = http;
        }

        public HttpClient Http { get; }

        public static Task<WebSample> StartAsync(FakeLumaServer server, params string[] extra)
            => StartAsync(["--LumaAgents:ApiKey", server.ApiKey, "--LumaAgents:BaseUrl", server.BaseUrl.ToString(), "--LumaAgents:Retry:MaxRetries", "0", .. extra]);

        public static async Task<WebSample> StartAsync(string[] args)
        {
            var app = await ImagesApp.BuildAsync(["--urls", "http://127.0.0.1:0", .. args]);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new WebSample(app, new HttpClient { BaseAddress = new Uri(address) });
        }

        public async Task<string> CreateAsync(string prompt)
        {
            var created = await Http.PostAsJsonAsync("/images", new { prompt });
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
