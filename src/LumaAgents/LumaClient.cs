namespace LumaAgents;

/// <summary>
/// The entry point to the Luma Agents API. Thread-safe and meant to be shared: create one per account and reuse it.
/// </summary>
/// <example>
/// <code>
/// using var client = new LumaClient();   // key from LUMA_AGENTS_API_KEY
/// var generation = await client.Generations.CreateAsync(GenerationRequest.CreateImage("a lighthouse at dawn"));
/// </code>
/// </example>
public class LumaClient : IDisposable
{
    private readonly LumaPipeline? _pipeline;
    private readonly HttpMessageInvoker? _downloads;

    /// <summary>A client configured from <c>LUMA_AGENTS_API_KEY</c> and <c>LUMA_BASE_URL</c>.</summary>
    /// <exception cref="LumaConfigurationException">No API key is set, or the base URL is not usable.</exception>
    public LumaClient()
        : this(new LumaClientOptions())
    {
    }

    /// <summary>A client for an API key.</summary>
    /// <param name="apiKey">The key, <c>luma-api-…</c>.</param>
    /// <exception cref="LumaConfigurationException">The key is empty or malformed.</exception>
    public LumaClient(string apiKey)
        : this(new LumaClientOptions { ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey)) })
    {
    }

    /// <summary>A client from options; unset values come from the environment or the defaults.</summary>
    /// <param name="options">The options; frozen from now on.</param>
    /// <exception cref="LumaConfigurationException">No API key is set, or the base URL is not usable.</exception>
    public LumaClient(LumaClientOptions options)
        : this(options, httpClient: null, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>
    /// A client that sends through the caller's <see cref="HttpClient"/>, which it never disposes. The SDK's retry
    /// and timeout steps run around it; the client's own <see cref="HttpClient.Timeout"/> also applies to each attempt.
    /// </summary>
    /// <param name="httpClient">The client to send through.</param>
    /// <param name="options">The options, or null for the environment and defaults.</param>
    /// <exception cref="LumaConfigurationException">No API key is set, or the base URL is not usable.</exception>
    public LumaClient(HttpClient httpClient, LumaClientOptions? options = null)
        : this(options ?? new LumaClientOptions(), httpClient ?? throw new ArgumentNullException(nameof(httpClient)), Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>
    /// For mocking frameworks and test doubles: a client with no connection and default options, which reads no
    /// environment. Its <see cref="Generations"/> and <see cref="Files"/> are the ones given (or override the
    /// properties); any call of a client not given throws <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="generations">What <see cref="Generations"/> returns, or null for a client that is not connected.</param>
    /// <param name="files">What <see cref="Files"/> returns, or null for a client that is not connected.</param>
    /// <example><c>new Mock&lt;LumaClient&gt;(generationsMock.Object, filesMock.Object)</c>, or <c>class FakeLuma() : LumaClient(new FakeGenerations())</c>.</example>
    protected LumaClient(GenerationsClient? generations, FilesClient? files = null)
    {
        Options = new LumaClientOptions();
        Options.Freeze();
        Generations = generations ?? GenerationsClient.Unconnected();
        Files = files ?? FilesClient.Unconnected();
    }

    internal LumaClient(LumaClientOptions options, HttpClient? httpClient, Func<string, string?> environment, HttpMessageHandler? downloadTransport = null)
        : this(Resolve(options, environment), httpClient is null ? SharedTransport.ApiHandler : new HttpClientTransport(httpClient), downloadTransport)
    {
    }

    /// <summary>The one place a client is assembled: from its settings and the handler chain each attempt goes through.</summary>
    internal LumaClient(LumaClientSettings settings, HttpMessageHandler transport, HttpMessageHandler? downloadTransport)
    {
        Options = settings.Options;
        _pipeline = new LumaPipeline(settings, new HttpMessageInvoker(transport, disposeHandler: false), ownsInvoker: true);
        _downloads = new HttpMessageInvoker(downloadTransport ?? SharedTransport.DownloadHandler, disposeHandler: false);
        var storage = new StorageClient(_downloads, _pipeline);
        Generations = new GenerationsClient(_pipeline, storage);
        Files = new FilesClient(_pipeline, storage);
    }

    /// <summary>Generations: create, read, wait for and download.</summary>
    public virtual GenerationsClient Generations { get; }

    /// <summary>Files: upload once, reference many times (<see cref="ImageRef.FromUploadedFile"/>); list, read and delete.</summary>
    public virtual FilesClient Files { get; }

    /// <summary>The options this client was built from (frozen).</summary>
    public LumaClientOptions Options { get; }

    /// <summary>The requests-per-minute window as last reported by the server, or null before any create.</summary>
    public virtual RateLimitInfo? RateLimit => _pipeline?.LastRateLimit;

    /// <summary>The base URL in use, after environment fallbacks.</summary>
    public Uri BaseUrl => _pipeline?.Settings.BaseUrl ?? LumaClientOptions.DefaultBaseUrl;

    /// <summary>The pipeline of a connected client (for the SDK's own clients and tests).</summary>
    internal LumaPipeline? Pipeline => _pipeline;

    /// <summary>
    /// Stops the client: every call, backoff, wait and download in flight ends at once (with
    /// <see cref="ObjectDisposedException"/>), and no request is sent afterwards. A caller's <see cref="HttpClient"/> is
    /// left alone.
    /// </summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what this client created; a caller's <see cref="HttpClient"/> is left alone.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline?.Dispose();
            _downloads?.Dispose();
        }
    }

    private static LumaClientSettings Resolve(LumaClientOptions options, Func<string, string?> environment)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var settings = LumaClientSettings.Resolve(options, environment);
        options.Freeze();
        return settings;
    }
}
