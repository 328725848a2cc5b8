namespace LumaAgents;

/// <summary>
/// How a <see cref="LumaClient"/> talks to the API. Unset values come from the environment
/// (<c>LUMA_AGENTS_API_KEY</c>, <c>LUMA_BASE_URL</c>) or the defaults. Once a client is built from an options
/// object, the object is frozen: setters throw, so a client's behaviour cannot change behind its back.
/// </summary>
public sealed class LumaClientOptions
{
    /// <summary>The environment variable the API key is read from when <see cref="ApiKey"/> is unset.</summary>
    public const string ApiKeyEnvironmentVariable = "LUMA_AGENTS_API_KEY";

    /// <summary>The environment variable the base URL is read from when <see cref="BaseUrl"/> is unset.</summary>
    public const string BaseUrlEnvironmentVariable = "LUMA_BASE_URL";

    /// <summary>
    /// The environment variable of extra headers sent on every API request when <see cref="CustomHeaders"/> is empty:
    /// newline-separated <c>Name: value</c> lines, as the official SDKs read it.
    /// </summary>
    public const string CustomHeadersEnvironmentVariable = "LUMA_CUSTOM_HEADERS";

    /// <summary>
    /// The environment variable of the stderr log level when <see cref="StderrLogLevel"/> is unset:
    /// <c>off</c>, <c>error</c>, <c>warn</c>, <c>info</c> or <c>debug</c>, as the official SDKs read it.
    /// </summary>
    public const string LogEnvironmentVariable = "LUMA_LOG";

    /// <summary>The production API: <c>https://agents.lumalabs.ai/v1/</c>.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://agents.lumalabs.ai/v1/");

    private string? _apiKey;
    private Uri? _baseUrl;
    private TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private bool _validateRequests = true;
    private TimeProvider _timeProvider = TimeProvider.System;
    private TimeSpan? _totalTimeout;
    private bool _proactiveThrottling = true;
    private WaitOptions _imageWait = new() { InitialDelay = TimeSpan.FromSeconds(20), PollInterval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMinutes(2) };
    private WaitOptions _imageMaxWait = new() { InitialDelay = TimeSpan.FromSeconds(20), PollInterval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMinutes(4) };
    private WaitOptions _videoWait = new() { InitialDelay = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(10) };
    private int? _maxConcurrentJobs;
    private Microsoft.Extensions.Logging.ILoggerFactory? _loggerFactory;
    private Microsoft.Extensions.Logging.LogLevel? _stderrLogLevel;
    private ILumaCoordinator? _coordinator;
    private TimeSpan? _downloadTimeout;

    /// <summary>The API key (<c>luma-api-…</c>); when null or blank, <c>LUMA_AGENTS_API_KEY</c> is used.</summary>
    public string? ApiKey { get => _apiKey; set => Set(ref _apiKey, value); }

    /// <summary>
    /// The API's base URL, including <c>/v1</c>; when null, <c>LUMA_BASE_URL</c> or <see cref="DefaultBaseUrl"/>.
    /// Must be https, except for loopback hosts (a local simulator).
    /// </summary>
    public Uri? BaseUrl { get => _baseUrl; set => Set(ref _baseUrl, value); }

    /// <summary>How long one HTTP attempt may take, body included (default 60 s). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan Timeout { get => _timeout; set => Set(ref _timeout, value); }

    /// <summary>Whether requests are checked against the documented API rules before sending (default true).</summary>
    public bool ValidateRequests { get => _validateRequests; set => Set(ref _validateRequests, value); }

    /// <summary>The clock for timeouts, backoff and polling (default the system clock; tests pass a virtual one).</summary>
    public TimeProvider TimeProvider { get => _timeProvider; set => Set(ref _timeProvider, value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>A time limit for a whole call, retries and waits included (default none).</summary>
    public TimeSpan? TotalTimeout { get => _totalTimeout; set => Set(ref _totalTimeout, value); }

    /// <summary>How failed attempts are retried.</summary>
    public RetryOptions Retry { get; } = new();

    /// <summary>
    /// Hold creates back while the requests-per-minute window is known to be spent, instead of sending requests
    /// that would get a 429 (default true).
    /// </summary>
    public bool ProactiveThrottling { get => _proactiveThrottling; set => Set(ref _proactiveThrottling, value); }

    /// <summary>How image generations (uni-1) are waited for: 20 s initial delay, 2 s interval, 2 min deadline.</summary>
    public WaitOptions ImageWait { get => _imageWait; set => Set(ref _imageWait, value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>How uni-1-max image generations are waited for: 20 s, 2 s, 4 min (the model takes about twice as long).</summary>
    public WaitOptions ImageMaxWait { get => _imageMaxWait; set => Set(ref _imageMaxWait, value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>How video generations (video, video_edit, video_reframe) are waited for: 30 s, 5 s, 10 min.</summary>
    public WaitOptions VideoWait { get => _videoWait; set => Set(ref _videoWait, value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>
    /// At most this many <c>CreateAndWaitAsync</c> calls of this client have a job running at once; further calls
    /// wait for a slot instead of collecting 60-second concurrent-jobs 429s. Null (the default) sets no limit.
    /// </summary>
    public int? MaxConcurrentJobs
    {
        get => _maxConcurrentJobs;
        set => Set(ref _maxConcurrentJobs, value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "MaxConcurrentJobs must be positive, or null for no limit."));
    }

    /// <summary>
    /// Where the SDK logs (requests at Debug, retries and rate-limit waits at Information/Warning). Null logs
    /// nothing; with dependency injection the host's logger factory is used.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get => _loggerFactory; set => Set(ref _loggerFactory, value); }

    /// <summary>
    /// When no <see cref="LoggerFactory"/> is set: the SDK's own log lines at this level and above go to standard error
    /// (redacted as always). Null (the default) reads <c>LUMA_LOG</c>; unset there too, nothing is logged.
    /// <see cref="Microsoft.Extensions.Logging.LogLevel.None"/> turns it off.
    /// </summary>
    public Microsoft.Extensions.Logging.LogLevel? StderrLogLevel { get => _stderrLogLevel; set => Set(ref _stderrLogLevel, value); }

    /// <summary>
    /// Headers sent on every API request (never on downloads or uploads to storage), for example a proxy's routing
    /// header. <c>Authorization</c>, <c>User-Agent</c> and <c>X-Request-Id</c> cannot be set here. When empty, the
    /// headers come from <c>LUMA_CUSTOM_HEADERS</c>. Copied when the client is built.
    /// </summary>
    public IDictionary<string, string> CustomHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Shares the account's limits (the create window, job slots) with other clients, processes or machines, for
    /// example <c>LumaAgents.Redis.RedisCoordinator</c>. Null (the default) keeps them inside this client.
    /// </summary>
    public ILumaCoordinator? Coordinator { get => _coordinator; set => Set(ref _coordinator, value); }

    /// <summary>
    /// A time limit for one whole output download (default none). Independently, a download whose body delivers no
    /// bytes for <see cref="Timeout"/> fails: a stalled connection never hangs a download.
    /// </summary>
    public TimeSpan? DownloadTimeout { get => _downloadTimeout; set => Set(ref _downloadTimeout, value); }

    internal bool IsFrozen { get; private set; }

    /// <summary>Describes the options with the API key redacted.</summary>
    public override string ToString()
        => $"LumaClientOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(unset)" : "(set, redacted)")}, BaseUrl = {BaseUrl?.ToString() ?? "(unset)"}, Timeout = {Timeout}, TotalTimeout = {TotalTimeout?.ToString() ?? "(none)"}, ValidateRequests = {ValidateRequests}, ProactiveThrottling = {ProactiveThrottling}, Retry = {Retry} }}";

    internal void Freeze()
    {
        IsFrozen = true;
        Retry.Freeze();
    }

    private void Set<T>(ref T field, T value)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException(
                "These LumaClientOptions are in use by a LumaClient and can no longer change. Create a new LumaClientOptions for a client with other settings.");
        }

        field = value;
    }
}
