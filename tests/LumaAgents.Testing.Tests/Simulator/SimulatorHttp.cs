using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LumaAgents.Testing;

namespace LumaAgents.Testing.Tests.Simulator;

/// <summary>Plain HttpClient helpers: the simulator tests use no SDK types, so they check the wire, not our models.</summary>
internal static class SimulatorHttp
{
    public static readonly DateTimeOffset Start = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    public static HttpClient Client(FakeLumaServer server, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? server.ApiKey);
        return client;
    }

    /// <summary>A client over the server's in-memory handler (no socket), authenticated like <see cref="Client"/>.</summary>
    public static HttpClient InMemoryClient(FakeLumaServer server, string? apiKey = null)
    {
        var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? server.ApiKey);
        return client;
    }

    public static HttpClient AnonymousClient() => new() { Timeout = TimeSpan.FromSeconds(30) };

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, string json = """{"prompt":"a lighthouse at dusk"}""") =>
        client.PostAsync("generations", Json(json));

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<string> ReadDetailAsync(HttpResponseMessage response) =>
        (await ReadJsonAsync(response)).GetProperty("detail").GetString()!;

    public static async Task<JsonElement> CreateGenerationAsync(HttpClient client, string json = """{"prompt":"a lighthouse at dusk"}""")
    {
        using HttpResponseMessage response = await CreateAsync(client, json);
        Assert.Equal(201, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonElement> GetGenerationAsync(HttpClient client, string id)
    {
        using HttpResponseMessage response = await client.GetAsync($"generations/{id}");
        Assert.Equal(200, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) :
        response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) :
        throw new Xunit.Sdk.XunitException($"The response has no {name} header.");

    public static bool HasHeader(HttpResponseMessage response, string name) =>
        response.Headers.Contains(name) || response.Content.Headers.Contains(name);
}
