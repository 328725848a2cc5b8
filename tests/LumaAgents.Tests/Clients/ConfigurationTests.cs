using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Clients;

/// <summary>Key and base URL come from options or the environment, and a bad value fails at construction.</summary>
public sealed class ConfigurationTests
{
    private const string KeyVar = LumaClientOptions.ApiKeyEnvironmentVariable;
    private const string UrlVar = LumaClientOptions.BaseUrlEnvironmentVariable;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_key_anywhere_fails_at_construction_saying_how_to_set_it(string? environmentKey)
    {
        var error = Assert.Throws<LumaConfigurationException>(
            () => new LumaClient(new LumaClientOptions(), null, TestClients.Environment((KeyVar, environmentKey))));

        Assert.Contains("LUMA_AGENTS_API_KEY", error.Message);
        Assert.Contains("LumaClientOptions.ApiKey", error.Message);
        Assert.IsAssignableFrom<LumaException>(error);
    }

    [Fact]
    public async Task Key_comes_from_the_environment_and_is_trimmed()
    {
        var handler = new StubHandler(System.Net.HttpStatusCode.OK, Samples.Queued);
        using var client = new LumaClient(new LumaClientOptions(), new HttpClient(handler), TestClients.Environment((KeyVar, "  luma-api-env\n")));

        await client.Generations.GetAsync("g1");

        Assert.Equal("Bearer luma-api-env", handler.Calls[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task An_explicit_key_wins_over_the_environment()
    {
        var handler = new StubHandler(System.Net.HttpStatusCode.OK, Samples.Queued);
        using var client = new LumaClient(new LumaClientOptions { ApiKey = "luma-api-explicit" }, new HttpClient(handler), TestClients.Environment((KeyVar, "luma-api-env")));

        await client.Generations.GetAsync("g1");

        Assert.Equal("Bearer luma-api-explicit", handler.Calls[0].Headers["Authorization"]);
    }

    [Theory]
    [InlineData("Bearer luma-api-x", "without 'Bearer '")]
    [InlineData("luma-api-x y", "space")]
    [InlineData("luma-api-\u00e9", "non-ASCII")]
    public void A_malformed_key_is_refused_without_echoing_it(string key, string expected)
    {
        var error = Assert.Throws<LumaConfigurationException>(() => new LumaClient(new LumaClientOptions { ApiKey = key }, null, TestClients.NoEnvironment));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(key, error.Message);
    }

    [Fact]
    public void Default_base_url_is_production()
    {
        using var client = new LumaClient(new LumaClientOptions { ApiKey = TestClients.ApiKey }, null, TestClients.NoEnvironment);

        Assert.Equal(new Uri("https://agents.lumalabs.ai/v1/"), client.BaseUrl);
    }

    [Theory]
    [InlineData("", "https://agents.lumalabs.ai/v1/")]
    [InlineData("  ", "https://agents.lumalabs.ai/v1/")]
    [InlineData("https://proxy.example.com/luma/v1", "https://proxy.example.com/luma/v1/")]
    [InlineData("http://127.0.0.1:5005/v1/", "http://127.0.0.1:5005/v1/")]
    [InlineData("http://localhost:5005/v1", "http://localhost:5005/v1/")]
    [InlineData("http://[::1]:5005/v1", "http://[::1]:5005/v1/")]
    public void Base_url_comes_from_the_environment_with_blank_meaning_unset(string value, string expected)
    {
        using var client = new LumaClient(new LumaClientOptions { ApiKey = TestClients.ApiKey }, null, TestClients.Environment((UrlVar, value)));

        Assert.Equal(new Uri(expected), client.BaseUrl);
    }

    [Theory]
    [InlineData("agents.lumalabs.ai/v1", "scheme")]
    [InlineData("ftp://agents.lumalabs.ai/v1", "scheme")]
    [InlineData("http://agents.lumalabs.ai/v1", "unencrypted")]
    [InlineData("https://agents.lumalabs.ai/v1?x=1", "query")]
    public void An_unusable_base_url_is_refused_with_a_clear_message(string value, string expected)
    {
        var error = Assert.Throws<LumaConfigurationException>(
            () => new LumaClient(new LumaClientOptions { ApiKey = TestClients.ApiKey }, null, TestClients.Environment((UrlVar, value))));

        Assert.Contains(expected, error.Message);
        Assert.Contains(UrlVar, error.Message);
    }

    [Fact]
    public void A_configured_http_base_url_for_a_remote_host_is_refused()
    {
        var error = Assert.Throws<LumaConfigurationException>(
            () => new LumaClient(new LumaClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri("http://10.0.0.5/v1") }, null, TestClients.NoEnvironment));

        Assert.Contains("LumaClientOptions.BaseUrl", error.Message);
        Assert.Contains("https", error.Message);
    }

    [Fact]
    public void Options_are_frozen_once_a_client_uses_them()
    {
        var options = new LumaClientOptions { ApiKey = TestClients.ApiKey };
        using var client = new LumaClient(options, null, TestClients.NoEnvironment);

        var error = Assert.Throws<InvalidOperationException>(() => options.Timeout = TimeSpan.FromSeconds(1));

        Assert.Contains("can no longer change", error.Message);
        Assert.Same(options, client.Options);
    }

    [Fact]
    public void Options_to_string_never_shows_the_key()
    {
        var options = new LumaClientOptions { ApiKey = "luma-api-supersecret" };

        Assert.DoesNotContain("supersecret", options.ToString());
        Assert.Contains("redacted", options.ToString());
    }

    [Fact]
    public void A_non_positive_timeout_is_refused()
        => Assert.Throws<LumaConfigurationException>(
            () => new LumaClient(new LumaClientOptions { ApiKey = TestClients.ApiKey, Timeout = TimeSpan.Zero }, null, TestClients.NoEnvironment));
}
