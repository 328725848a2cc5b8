using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorAuthTests
{
    [Fact]
    public async Task Missing_authorization_answers_401_missing_api_key()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        using HttpResponseMessage response = await CreateAsync(client);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(FakeLumaServerDetails.MissingApiKey, await ReadDetailAsync(response));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("bearer luma-api-fake-key")]
    [InlineData("Basic bHVtYTprZXk=")]
    [InlineData("Bearer")]
    [InlineData("luma-api-fake-key")]
    public async Task Authorization_that_is_not_exactly_Bearer_and_a_key_answers_401_malformed(string header)
    {
        await using var server = await FakeLumaServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "generations") { Content = Json("""{"prompt":"x"}""") };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(FakeLumaServerDetails.MalformedAuthorizationHeader, await ReadDetailAsync(response));
    }

    [Fact]
    public async Task Unknown_key_answers_401_invalid_api_key()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server, "luma-api-someone-else");

        using HttpResponseMessage response = await client.GetAsync($"generations/{Guid.NewGuid()}");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(FakeLumaServerDetails.InvalidApiKey, await ReadDetailAsync(response));
    }

    [Fact]
    public async Task Revoked_key_answers_401_revoked_whether_configured_or_revoked_later()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            ApiKeys = ["luma-api-one", "luma-api-two"],
            RevokedApiKeys = ["luma-api-old"],
        });
        using HttpClient old = Client(server, "luma-api-old");
        using HttpClient two = Client(server, "luma-api-two");

        using HttpResponseMessage configured = await CreateAsync(old);
        using HttpResponseMessage acceptedBefore = await CreateAsync(two);
        server.RevokeApiKey("luma-api-two");
        using HttpResponseMessage revokedLater = await CreateAsync(two);

        Assert.Equal("luma-api-one", server.ApiKey);
        Assert.Equal(FakeLumaServerDetails.RevokedApiKey, await ReadDetailAsync(configured));
        Assert.Equal(201, (int)acceptedBefore.StatusCode);
        Assert.Equal(401, (int)revokedLater.StatusCode);
        Assert.Equal(FakeLumaServerDetails.RevokedApiKey, await ReadDetailAsync(revokedLater));
    }

    [Fact]
    public void The_four_401_details_are_distinct()
    {
        string[] details =
        [
            FakeLumaServerDetails.MissingApiKey,
            FakeLumaServerDetails.MalformedAuthorizationHeader,
            FakeLumaServerDetails.InvalidApiKey,
            FakeLumaServerDetails.RevokedApiKey,
        ];

        Assert.Equal(4, details.Distinct().Count());
    }

    [Fact]
    public async Task Every_answer_carries_the_callers_request_id_or_a_new_uuid_and_the_api_version()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { ApiVersion = "2099-01-01" });
        using var anonymous = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"generations/{Guid.NewGuid()}");
        request.Headers.Add("X-Request-Id", "req-from-caller");

        using HttpResponseMessage echoed = await anonymous.SendAsync(request);
        using HttpResponseMessage generated = await anonymous.GetAsync("nowhere");

        Assert.Equal(401, (int)echoed.StatusCode);
        Assert.Equal("req-from-caller", Header(echoed, "X-Request-Id"));
        Assert.Equal("2099-01-01", Header(echoed, "X-API-Version"));
        Assert.True(Guid.TryParse(Header(generated, "X-Request-Id"), out _));
        Assert.Equal("2099-01-01", Header(generated, "X-API-Version"));
        Assert.Equal(["req-from-caller", Header(generated, "X-Request-Id")], server.Requests.Select(r => r.RequestId));
    }

    [Fact]
    public async Task Unknown_routes_answer_404_not_found_and_wrong_methods_405_before_authentication()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = server.BaseUrl };

        using HttpResponseMessage unknown = await anonymous.GetAsync("models");
        using HttpResponseMessage wrongMethod = await anonymous.GetAsync("generations");

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(FakeLumaServerDetails.NotFound, await ReadDetailAsync(unknown));
        Assert.Equal(405, (int)wrongMethod.StatusCode);
        Assert.Equal(FakeLumaServerDetails.MethodNotAllowed, await ReadDetailAsync(wrongMethod));
        Assert.Equal("POST", Header(wrongMethod, "Allow"));
        Assert.All(server.Requests, r => Assert.Equal(RouteKind.Other, r.RouteKind));
    }

    [Fact]
    public async Task Base_url_is_loopback_with_a_port_and_a_trailing_v1_slash()
    {
        await using var server = await FakeLumaServer.StartAsync();

        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.NotEqual(0, server.BaseUrl.Port);
        Assert.Equal("/v1/", server.BaseUrl.AbsolutePath);
        Assert.Equal(FakeLumaServerOptions.DefaultApiKey, server.ApiKey);
    }
}
