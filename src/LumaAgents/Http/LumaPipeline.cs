using System.Diagnostics;
using System.Net;
using LumaAgents.Diagnostics;
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

    public LumaPipeline(LumaClientComponents components, HttpMessageInvoker invoker, bool ownsInvoker)
    {
        Components = components;
        _invoker = invoker;
        _ownsInvoker = ownsInvoker;
        _authorization = "Bearer " + components.Settings.ApiKey;
    }

    public LumaClientComponents Components { get; }

    public LumaClientSettings Settings => Components.Settings;

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
        HttpMethod method, Uri url, HttpContent? content, JsonTypeInfo<T> typeInfo, bool isCreate, RequestOptions? options, CancellationToken cancellationToken)
    {
        var reader = new ResponseReader<T>(typeInfo);
        var context = new RequestContext(isCreate, options, reader);
        using var activity = LumaTelemetry.Source.StartActivity(isCreate ? LumaTelemetry.CreateActivity : LumaTelemetry.GetActivity, ActivityKind.Client);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = new LumaRequestMessage(method, url, context) { Content = content };
#if NET5_0_OR_GREATER
            // HTTP/2 where TLS negotiates it (the real API), HTTP/1.1 otherwise (a plain-http simulator).
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
#endif
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
            if (context.Options is { } callOptions)
            {
                foreach (var header in callOptions.Headers)
                {
                    if (!IsReserved(header.Key))
                    {
                        request.Headers.Remove(header.Key);
                        request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
            }

            HttpResponseMessage response;
            try
            {
                response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (LumaException ex)
            {
                if (ex.RequestId is null)
                {
                    ex.SetRequestId(context.LastRequestId);
                }

                if (context.IsCreate && RetryRules.IsUncertainForCreate(null, AttemptFailures.Classify(ex)))
                {
                    ex.MarkGenerationMayExist();
                    Log.UncertainCreate(Components.Logger, ex.RequestId);
                }

                throw;
            }
            catch (OperationCanceledException ex)
            {
                // Not the caller's token and not our timeout: the caller's own HttpClient.Timeout, most likely.
                throw new LumaTimeoutException(
                    $"{method} {request.RequestUri!.AbsolutePath} was cancelled by the HTTP client's own timeout. Raise HttpClient.Timeout or set it to Timeout.InfiniteTimeSpan and use LumaClientOptions.Timeout.",
                    Settings.Options.Timeout,
                    ex)
                { RequestId = context.LastRequestId, GenerationMayExist = context.IsCreate };
            }
            catch (InvalidResponseBodyException ex)
            {
                throw new LumaException($"{method} {request.RequestUri!.AbsolutePath} succeeded but {ex.Message}", ex)
                {
                    RequestId = ex.RequestId ?? context.LastRequestId,
                    GenerationMayExist = context.IsCreate,
                };
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
            {
                var failure = AttemptFailures.Classify(ex);
                throw new LumaConnectionException(DescribeConnectionFailure(request, ex, context.Attempts), ex)
                {
                    RequestId = context.LastRequestId,
                    GenerationMayExist = context.IsCreate && RetryRules.IsUncertainForCreate(null, failure),
                };
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
                    var error = ApiErrors.FromResponse(response.StatusCode, response.Headers, body, Settings.TimeProvider.GetUtcNow());
                    if (context.IsCreate && RetryRules.IsUncertainForCreate((int)response.StatusCode, AttemptFailure.None))
                    {
                        error.MarkGenerationMayExist();
                        Log.UncertainCreate(Components.Logger, error.RequestId);
                    }

                    throw error;
                }

                var result = new LumaResponse<T>(reader.Value!, response.StatusCode, response.Headers, rateLimit);
                if (activity is not null)
                {
                    activity.SetTag("http.response.status_code", (int)response.StatusCode);
                    Tag(activity, context, result.RequestId);
                    if (result.Value is Generation generation)
                    {
                        activity.SetTag("luma.generation.id", generation.Id);
                        activity.SetTag("luma.generation.state", generation.State.Value);
                    }
                }

                return result;
            }

        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity.SetTag("error.type", ex.GetType().FullName);
            Tag(activity, context, (ex as LumaException)?.RequestId);
            if (ex is LumaApiException api)
            {
                activity.SetTag("http.response.status_code", (int)api.StatusCode);
            }

            throw;
        }
    }

    private static void Tag(Activity activity, RequestContext context, string? requestId)
    {
        activity.SetTag("luma.attempts", context.Attempts);
        activity.SetTag("luma.request_id", requestId);
    }

    public void Dispose()
    {
        if (_ownsInvoker)
        {
            _invoker.Dispose();
        }
    }

    private static bool IsReserved(string header)
        => string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase)
           || string.Equals(header, "User-Agent", StringComparison.OrdinalIgnoreCase)
           || string.Equals(header, "X-Request-Id", StringComparison.OrdinalIgnoreCase);

    private string DescribeConnectionFailure(HttpRequestMessage request, Exception ex, int attempts)
        => $"Could not complete {request.Method} {request.RequestUri!.AbsolutePath} with {Settings.BaseUrl.Host} "
           + $"({attempts} attempt{(attempts == 1 ? string.Empty : "s")}): {ex.Message} "
           + $"Check the network, and the base URL ({Settings.BaseUrl.GetLeftPart(UriPartial.Authority)}).";
}
