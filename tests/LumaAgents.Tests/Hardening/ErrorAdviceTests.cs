using System.Net;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hardening;

/// <summary>Errors point at their cause.</summary>
public sealed class ErrorAdviceTests
{
    [Fact]
    public async Task A_404_on_a_create_blames_the_base_url_and_shows_the_documented_one()
    {
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.NotFound, """{"detail":"Not Found"}""")));
        using var client = TestClients.WithHandler(handler, o => o.BaseUrl = new Uri("https://agents.lumalabs.ai"));

        var error = await Assert.ThrowsAsync<LumaNotFoundException>(() => client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox")));

        Assert.Contains("base URL is probably wrong", error.Message);
        Assert.Contains("https://agents.lumalabs.ai/v1/", error.Message);
        Assert.DoesNotContain("generation id", error.Message);
    }

    [Fact]
    public async Task A_404_on_a_read_names_the_id_and_a_base_url_without_v1()
    {
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.NotFound, """{"detail":"Generation not found"}""")));
        using var client = TestClients.WithHandler(handler, o => o.BaseUrl = new Uri("https://agents.lumalabs.ai"));

        var error = await Assert.ThrowsAsync<LumaNotFoundException>(() => client.Generations.GetAsync("g1"));

        Assert.Contains("Check the generation id", error.Message);
        Assert.Contains("does not end in /v1", error.Message);
    }

    [Fact]
    public void Every_sdk_error_is_a_luma_exception()
    {
        Assert.True(typeof(LumaException).IsAssignableFrom(typeof(LumaValidationException)));
        Assert.True(typeof(LumaException).IsAssignableFrom(typeof(LumaConfigurationException)));
        Assert.True(typeof(LumaException).IsAssignableFrom(typeof(LumaDownloadException)));
    }
}
