using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The baseline: what a developer would write by hand against the API with <see cref="HttpClient"/> and the same
/// source-generated JSON, sending the same headers as the SDK (Authorization, Accept, User-Agent, X-Request-Id).
/// No validation, retries, timeouts, rate-limit tracking or typed errors: the difference to the SDK is their cost.
/// </summary>
/// <remarks>
/// Shared by the in-memory suite (LumaAgents.Benchmarks) and the wire benchmark (LumaAgents.WireBenchmark). Each
/// assembly supplies the SDK's own source-generated metadata and User-Agent (the partial members below), so both
/// sides of every comparison parse and send exactly the same bytes.
/// </remarks>
internal sealed partial class HandWrittenLumaClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _authorization;

    public HandWrittenLumaClient(HttpClient http, Uri baseUrl, string apiKey)
    {
        _http = http;
        _baseUrl = baseUrl;
        _authorization = "Bearer " + apiKey;
    }

    public async Task<Generation> GetAsync(string generationId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, "generations/" + Uri.EscapeDataString(generationId)));
        AddHeaders(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Generation> CreateAsync(GenerationRequest body, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, RequestInfo));
        content.Headers.ContentType = JsonContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUrl, "generations")) { Content = content };
        AddHeaders(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SDK's source-generated metadata for the request body.</summary>
    private static partial JsonTypeInfo<GenerationRequest> RequestInfo { get; }

    /// <summary>The SDK's source-generated metadata for a generation.</summary>
    private static partial JsonTypeInfo<Generation> GenerationInfo { get; }

    /// <summary>The User-Agent the SDK sends.</summary>
    private static partial string UserAgentValue { get; }

    private void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgentValue);
        request.Headers.TryAddWithoutValidation("X-Request-Id", Guid.NewGuid().ToString());
    }

    private static async Task<Generation> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The API answered {(int)response.StatusCode}.");
        }

        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, GenerationInfo, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The API answered null.");
    }
}
