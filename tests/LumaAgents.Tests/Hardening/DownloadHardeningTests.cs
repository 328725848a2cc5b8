using System.Net;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hardening;

/// <summary>Downloads under the house rules: bounded, typed, and never showing a URL's signature.</summary>
public sealed class DownloadHardeningTests
{
    private const string Signature = "X-Amz-Signature=abc123";

    public static LumaClient ClientWithStorage(HttpMessageHandler storage, TimeProvider time, Action<LumaClientOptions>? configure = null)
    {
        var options = new LumaClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri("https://api.test/v1"), TimeProvider = time, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        var api = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.OK, Samples.Completed)));
        return new LumaClient(options, new HttpClient(api), TestClients.NoEnvironment, storage);
    }

    public static Generation Completed() => System.Text.Json.JsonSerializer.Deserialize(Samples.Completed, Serialization.LumaJsonContext.Default.Generation)!;

    [Fact]
    public async Task A_body_that_stalls_ends_within_the_idle_timeout_as_a_download_error()
    {
        var time = new ManualTimeProvider();
        var storage = new ScriptedHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new GeneratedContent(1_000_000, stallAfter: 4096, "image/png") }));
        using var client = ClientWithStorage(storage, time);
        var destination = new MemoryStream();

        var download = client.Generations.DownloadAsync(Completed(), 0, destination);
        await storage.WaitForRequestsAsync(1);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<LumaDownloadException>(() => download.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("no bytes arrived for 10 s", error.Message);
        Assert.Equal(Samples.GenerationId, error.GenerationId);
        Assert.Equal(0, error.OutputIndex);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(4096, destination.Length);
        Assert.DoesNotContain(Signature, error.ToString());
    }

    [Fact]
    public async Task A_whole_download_is_bounded_by_the_download_timeout()
    {
        var time = new ManualTimeProvider();
        var storage = new ScriptedHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new GeneratedContent(1_000_000, stallAfter: 4096, "image/png") }));
        using var client = ClientWithStorage(storage, time, o =>
        {
            o.Timeout = TimeSpan.FromMinutes(5);
            o.DownloadTimeout = TimeSpan.FromSeconds(30);
        });

        var download = client.Generations.DownloadAsync(Completed(), 0, new MemoryStream());
        await storage.WaitForRequestsAsync(1);
        await time.WaitForTimersAsync(2);
        time.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<LumaDownloadException>(() => download.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("DownloadTimeout", error.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://cdn.example.com/out.png?" + Signature, "ftp")]
    [InlineData("http://cdn.example.com/out.png?" + Signature, "plain http")]
    public async Task A_redirect_to_another_scheme_is_a_download_error_naming_only_the_scheme(string location, string named)
    {
        var storage = new ScriptedHandler((_, _, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.TryAddWithoutValidation("Location", location);
            return Task.FromResult(response);
        });
        using var client = ClientWithStorage(storage, TimeProvider.System);

        var error = await Assert.ThrowsAsync<LumaDownloadException>(() => client.Generations.DownloadAsync(Completed(), 0, new MemoryStream()));

        Assert.Contains(named, error.Message);
        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.DoesNotContain(Signature, error.ToString());
        Assert.DoesNotContain("passwd", error.Message);
        Assert.Equal(1, storage.Sent);
    }

    [Fact]
    public async Task A_redirect_to_another_https_host_is_followed_without_any_credential()
    {
        var storage = new ScriptedHandler((request, attempt, _) =>
        {
            if (attempt == 1)
            {
                var redirect = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
                redirect.Headers.TryAddWithoutValidation("Location", "https://mirror.example.net/out/0.png?sig=2");
                return Task.FromResult(redirect);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        });
        using var client = ClientWithStorage(storage, TimeProvider.System);
        var destination = new MemoryStream();

        await client.Generations.DownloadAsync(Completed(), 0, destination);

        Assert.Equal(3, destination.Length);
        Assert.Equal("mirror.example.net", storage.Requests[1].RequestUri!.Host);
        Assert.All(storage.Requests, r => Assert.False(r.Headers.Contains("Authorization")));
        Assert.All(storage.Requests, r => Assert.False(r.Headers.Contains("X-Request-Id")));
    }

    [Fact]
    public async Task Endless_redirects_end_as_a_download_error()
    {
        var storage = new ScriptedHandler((_, attempt, _) =>
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.Redirect);
            redirect.Headers.TryAddWithoutValidation("Location", $"https://cdn.example.com/hop/{attempt}?" + Signature);
            return Task.FromResult(redirect);
        });
        using var client = ClientWithStorage(storage, TimeProvider.System);

        var error = await Assert.ThrowsAsync<LumaDownloadException>(() => client.Generations.DownloadAsync(Completed(), 0, new MemoryStream()));

        Assert.Contains("more than 5 times", error.Message);
        Assert.Equal(6, storage.Sent);
    }

    [Fact]
    public async Task A_storage_host_that_cannot_be_reached_is_a_download_error_after_its_retries()
    {
        var storage = new ScriptedHandler((_, _, _) => throw new HttpRequestException("Connection refused (cdn.example.com:443)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        var time = new ManualTimeProvider();
        using var client = ClientWithStorage(storage, time);

        var error = await Assert.ThrowsAsync<LumaDownloadException>(() => time.RunUntilCompleteAsync(client.Generations.DownloadAsync(Completed(), 0, new MemoryStream())));

        Assert.Equal(3, storage.Sent);
        Assert.Null(error.StatusCode);
        Assert.Contains("Connection refused", error.Message);
    }
}
