using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents;

/// <summary>
/// Sends one logical API call through the handler chain and turns the outcome into a value or a typed
/// exception. Auth and user agent are set here, on the message, so user handlers inside the chain see them.
/// </summary>
internal sealed class LumaPipeline : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpMessageInvoker _invoker;
    private readonly bool _ownsInvoker;
    private readonly string _authorization;
    private RateLimitInfo? _lastRateLimit;

    public LumaPipeline(LumaClientSettings settings, HttpMessageInvoker invoker, bool ownsInvoker)
    {
        Settings = settings;
        _invoker = invoker;
        _ownsInvoker = ownsInvoker;
        _authorization = "Bearer " + settings.ApiKey;
    }

    public LumaClientSettings Settings { get; }

    /// <summary>The rate-limit window from the most recent response that reported one.</summary>
    public RateLimitInfo? LastRateLimit => Volatile.Read(ref _lastRateLimit);

    public static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        // Bytes, not a stream: the content must be replayable for retries, and bodies are small.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    public async Task<LumaResponse<T>> SendAsync<T>(
        HttpMethod method, string relativePath, HttpContent? content, JsonTypeInfo<T> typeInfo, RequestContext? context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var request = new HttpRequestMessage(method, new Uri(Settings.BaseUrl, relativePath)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        context?.AttachTo(request);

        HttpResponseMessage response;
        try
        {
            response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (LumaException)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token and not our timeout: the caller's own HttpClient.Timeout, most likely.
            throw new LumaTimeoutException(
                $"{method} {request.RequestUri!.AbsolutePath} was cancelled by the HTTP client's own timeout. Raise HttpClient.Timeout or set it to Timeout.InfiniteTimeSpan and use LumaClientOptions.Timeout.",
                Settings.Options.Timeout,
                ex) { RequestId = SentRequestId(request) };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            throw new LumaConnectionException(DescribeConnectionFailure(request, ex), ex) { RequestId = SentRequestId(request) };
        }

        using (response)
        {
            var rateLimit = RateLimitInfo.FromHeaders(response.Headers);
            if (rateLimit is not null)
            {
                Volatile.Write(ref _lastRateLimit, rateLimit);
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                throw ApiErrors.FromResponse(response.StatusCode, response.Headers, body, Settings.TimeProvider.GetUtcNow());
            }

            T? value;
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new LumaException(
                    $"The API answered {(int)response.StatusCode} but its body is not a valid {typeof(T).Name}: {ex.Message}",
                    ex) { RequestId = HeaderValues.First(response.Headers, "X-Request-Id") };
            }

            if (value is null)
            {
                throw new LumaException($"The API answered {(int)response.StatusCode} with an empty (null) {typeof(T).Name}.")
                {
                    RequestId = HeaderValues.First(response.Headers, "X-Request-Id"),
                };
            }

            return new LumaResponse<T>(value, response.StatusCode, response.Headers);
        }
    }

    public void Dispose()
    {
        if (_ownsInvoker)
        {
            _invoker.Dispose();
        }
    }

    private static string? SentRequestId(HttpRequestMessage request) => HeaderValues.First(request.Headers, "X-Request-Id");

    private string DescribeConnectionFailure(HttpRequestMessage request, Exception ex)
        => $"Could not complete {request.Method} {request.RequestUri!.AbsolutePath} with {Settings.BaseUrl.Host}: {ex.Message} "
           + $"Check the network, and the base URL ({Settings.BaseUrl.GetLeftPart(UriPartial.Authority)}).";
}
