using System.Net;
using LumaAgents.Tests.Hosting;
using LumaAgents.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Tests.Clients;

/// <summary>The official SDKs' extra knobs, LUMA_CUSTOM_HEADERS and LUMA_LOG, from options, configuration or the environment.</summary>
public sealed class EnvironmentKnobTests
{
    private const string HeadersVar = LumaClientOptions.CustomHeadersEnvironmentVariable;

    [Fact]
    public async Task Custom_headers_from_the_environment_go_on_every_api_request_and_never_to_storage()
    {
        var api = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.OK, Samples.Completed)));
        var storage = new ScriptedHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1]) }));
        var options = new LumaClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri("https://api.test/v1") };
        using var client = new LumaClient(options, new HttpClient(api), TestClients.Environment(("LUMA_CUSTOM_HEADERS", "X-Proxy-Route: eu\r\n\nX-Team:  imaging  \n")), storage);

        var generation = await client.Generations.GetAsync("g1");
        await client.Generations.DownloadAsync(generation, 0, new MemoryStream());

        var sent = api.Requests.Single();
        Assert.Equal("eu", sent.Headers.GetValues("X-Proxy-Route").Single());
        Assert.Equal("imaging", sent.Headers.GetValues("X-Team").Single());
        Assert.False(storage.Requests.Single().Headers.Contains("X-Proxy-Route"));
    }

    [Fact]
    public async Task Custom_headers_in_the_options_win_over_the_environment()
    {
        var api = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.OK, Samples.Completed)));
        var options = new LumaClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri("https://api.test/v1") };
        options.CustomHeaders["X-Team"] = "video";
        using var client = new LumaClient(options, new HttpClient(api), TestClients.Environment((HeadersVar, "X-Team: imaging\nX-Other: 1")));

        await client.Generations.GetAsync("g1");

        Assert.Equal("video", api.Requests.Single().Headers.GetValues("X-Team").Single());
        Assert.False(api.Requests.Single().Headers.Contains("X-Other"));
    }

    [Theory]
    [InlineData("Authorization: Bearer luma-api-other", "Authorization is set by the SDK")]
    [InlineData("no colon here", "line 1 is not 'Name: value'")]
    [InlineData("X-Ok: 1\nBad Name: 2", "line 2: 'Bad Name' is not a valid header name")]
    public void A_bad_custom_header_fails_at_construction_without_echoing_values(string text, string expected)
    {
        var error = Assert.Throws<LumaConfigurationException>(
            () => new LumaClient(new LumaClientOptions { ApiKey = TestClients.ApiKey }, null, TestClients.Environment((HeadersVar, text))));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("luma-api-other", error.Message);
    }

    [Theory]
    [InlineData(null, LogLevel.None)]
    [InlineData("off", LogLevel.None)]
    [InlineData("error", LogLevel.Error)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData(" info ", LogLevel.Information)]
    [InlineData("debug", LogLevel.Debug)]
    public void Luma_log_reads_the_official_sdks_words(string? text, LogLevel expected)
        => Assert.Equal(expected, LumaClientSettings.ParseLogLevel(text));

    [Fact]
    public void An_unknown_luma_log_level_fails_at_construction_naming_the_choices()
    {
        var error = Assert.Throws<LumaConfigurationException>(
            () => new LumaClient(new LumaClientOptions { ApiKey = TestClients.ApiKey }, null, TestClients.Environment(("LUMA_LOG", "loud"))));

        Assert.Contains("off, error, warn, info or debug", error.Message);
    }

    [Fact]
    public void The_binder_reads_custom_headers_the_stderr_level_and_the_download_timeout()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LumaAgents:CustomHeaders:X-Team"] = "imaging",
            ["LumaAgents:StderrLogLevel"] = "warn",
            ["LumaAgents:DownloadTimeout"] = "00:05:00",
        }).Build();
        var options = new LumaClientOptions();

        LumaClientOptionsBinder.Bind(configuration.GetSection("LumaAgents"), options);

        Assert.Equal("imaging", options.CustomHeaders["X-Team"]);
        Assert.Equal(LogLevel.Warning, options.StderrLogLevel);
        Assert.Equal(TimeSpan.FromMinutes(5), options.DownloadTimeout);
    }
}

/// <summary>LUMA_LOG writes the SDK's own lines to standard error; Console.Error is process-wide, so this runs apart.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class StderrLoggingTests
{
    [Fact]
    public async Task Luma_log_debug_without_a_logger_factory_writes_redacted_lines_to_stderr()
    {
        var api = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.OK, Samples.Completed)));
        var captured = new StringWriter();
        var original = Console.Error;
        Console.SetError(captured);
        try
        {
            using var client = new LumaClient(
                new LumaClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri("https://api.test/v1") }, new HttpClient(api), TestClients.Environment(("LUMA_LOG", "debug")));
            await client.Generations.GetAsync("g1");
        }
        finally
        {
            Console.SetError(original);
        }

        var text = captured.ToString();
        Assert.Contains("[LumaAgents] debug: Sending GET /v1/generations/g1", text);
        Assert.DoesNotContain(TestClients.ApiKey, text);
    }

    [Fact]
    public async Task Without_luma_log_nothing_is_written()
    {
        var api = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.OK, Samples.Completed)));
        var captured = new StringWriter();
        var original = Console.Error;
        Console.SetError(captured);
        try
        {
            using var client = TestClients.WithHandler(api);
            await client.Generations.GetAsync("g1");
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(string.Empty, captured.ToString());
    }
}

/// <summary>The model factory builds responses for users' own tests.</summary>
public sealed class ModelFactoryTests
{
    [Fact]
    public void A_response_from_the_factory_reads_its_headers_like_the_sdk()
    {
        var generation = new Generation { Id = "g1" };

        var response = LumaModelFactory.Response(generation, HttpStatusCode.Created, new Dictionary<string, string>
        {
            ["X-Request-Id"] = "req_1",
            ["X-RateLimit-Limit"] = "30",
            ["X-RateLimit-Remaining"] = "29",
        });

        Assert.Same(generation, response.Value);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("req_1", response.RequestId);
        Assert.Equal(30, response.RateLimit!.Limit);
    }
}

/// <summary>The clients can be mocked: protected constructors that read no environment and make no connection.</summary>
public sealed class MockingTests
{
    [Fact]
    public async Task A_client_for_mocking_reads_no_environment_and_says_what_to_override()
    {
        using var client = new MockClient(generations: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Generations.GetAsync("g1"));

        Assert.Contains("Override", error.Message);
        Assert.Null(client.RateLimit);
    }

    [Fact]
    public async Task A_client_for_mocking_hands_out_the_generations_client_given()
    {
        using var client = new MockClient(new CannedGenerations());

        var generation = await client.Generations.GetAsync("g1");

        Assert.Equal("canned", generation.Id);
    }

    private sealed class MockClient(GenerationsClient? generations) : LumaClient(generations);

    private sealed class CannedGenerations : GenerationsClient
    {
        public override Task<Generation> GetAsync(string generationId, CancellationToken cancellationToken = default) => Task.FromResult(new Generation { Id = "canned" });
    }
}
