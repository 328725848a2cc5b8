using System.Net;
using LumaAgents.Testing.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LumaAgents.Testing;

/// <summary>
/// A faithful simulator of the Luma Agents REST API on <c>127.0.0.1</c> with a free port: generations that advance on a
/// schedule driven by a <see cref="TimeProvider"/>, the documented errors and rate limits, presigned output URLs that
/// expire, scriptable faults, and a log of every request. Thread-safe; start one per test. It installs no console or
/// signal handling, so an app that starts it still stops on Ctrl-C and SIGTERM as it would without it.
/// </summary>
/// <example>
/// <code>
/// await using var server = await FakeLumaServer.StartAsync();
/// var options = new LumaClientOptions { ApiKey = server.ApiKey, BaseUrl = server.BaseUrl };
/// </code>
/// </example>
public sealed class FakeLumaServer : IAsyncDisposable
{
    /// <summary>
    /// The response header on every generation the simulator returns (create and get) that says in how many seconds,
    /// on the server's clock, the generation will be terminal (<c>0</c> once it is; absent when it never will be). The real
    /// API sends no such header; a client that sees it (the <c>luma</c> CLI) can wait for the simulator's timing
    /// instead of the real API's 20-second first-poll delay.
    /// </summary>
    public const string ReadyInHeader = "X-Luma-Simulator-Ready-In";

    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Where an in-memory server's URLs point: a loopback address on the discard port, so a client that sends over a real socket by mistake fails at once.</summary>
    private const string InMemoryOrigin = "http://127.0.0.1:9";

    private readonly WebApplication? _app;
    private readonly FakeLumaApi _api;
    private readonly CancellationTokenSource _stopping;
    private readonly Lock _inMemoryGate = new();
    private InMemoryTransport? _inMemory;
    private int _disposed;

    private FakeLumaServer(WebApplication? app, FakeLumaApi api, CancellationTokenSource stopping, Uri baseUrl, string apiKey)
    {
        _app = app;
        _api = api;
        _stopping = stopping;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    /// <summary>The API's base URL, such as <c>http://127.0.0.1:54321/v1/</c> (with a trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>An API key the server accepts (the first of <see cref="FakeLumaServerOptions.ApiKeys"/>).</summary>
    public string ApiKey { get; }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _api.Requests;

    /// <summary>Every generation the server holds, in creation order, as of now on the server's clock (a snapshot).</summary>
    public IReadOnlyList<FakeGeneration> Generations
    {
        get
        {
            DateTimeOffset now = _api.Time.GetUtcNow();
            return [.. _api.Store.All().Select(g => g.Snapshot(now))];
        }
    }

    /// <summary>The faults scripted for the next requests.</summary>
    public FakeFaultQueue Faults => _api.Faults;

    /// <summary>
    /// Starts a server on <c>127.0.0.1</c>, on <see cref="FakeLumaServerOptions.Port"/> (a free port by default), or in
    /// memory only when <see cref="FakeLumaServerOptions.InMemory"/> is set.
    /// </summary>
    /// <param name="options">How it behaves; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static async Task<FakeLumaServer> StartAsync(FakeLumaServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeLumaServerOptions();
        Validate(options);
        if (options.InMemory)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inMemoryStopping = new CancellationTokenSource();
            var inMemoryApi = new FakeLumaApi(options, CreateLogger(options), inMemoryStopping.Token) { Origin = InMemoryOrigin };
            return new FakeLumaServer(null, inMemoryApi, inMemoryStopping, new Uri($"{InMemoryOrigin}/v1/"), options.ApiKeys.First());
        }

        // The empty builder reads no configuration files, environment variables or user secrets, so the server
        // behaves the same on every machine and starts no file watchers (which exhaust inotify when tests start
        // hundreds of servers); the content root is the app directory, not wherever the test runner was started.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeLumaServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;

            // Latin-1, so a garbage-header fault can send bytes outside ASCII as a misbehaving server would.
            kestrel.ResponseHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;

            // The simulator enforces MaxBodyBytes itself, with the API's 413 body rather than Kestrel's.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddLogging();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        }

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = StopGracePeriod);

        // No console lifetime: it would swallow the app's Ctrl-C and SIGTERM (see NoHostLifetime).
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, NoHostLifetime>());

        var stopping = new CancellationTokenSource();
        var api = new FakeLumaApi(options, CreateLogger(options), stopping.Token);
        WebApplication app = builder.Build();
        app.Run(api.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var origin = new Uri(address);
        api.Origin = $"{origin.Scheme}://{origin.Authority}";
        return new FakeLumaServer(app, api, stopping, new Uri($"{api.Origin}/v1/"), options.ApiKeys.First());
    }

    /// <summary>
    /// An <see cref="HttpMessageHandler"/> that serves this same simulator in memory, without a socket: the same
    /// generations, faults, clock and request log as <see cref="BaseUrl"/>. Send it requests for <see cref="BaseUrl"/>;
    /// it ignores a request's host and port, so the presigned output URLs the server returns are downloaded through it
    /// too. Each call returns a new handler over one shared in-memory transport; dispose handlers as usual.
    /// </summary>
    /// <remarks>
    /// Faults behave as over a socket, with these differences: a dropped connection (<see cref="FakeFaultKind.DropConnection"/>,
    /// <see cref="FakeFaultKind.ProcessThenDrop"/>) is an <see cref="HttpRequestException"/> whose inner exception is an
    /// <see cref="IOException"/>, not a <c>SocketException</c>; a body cut short of its <c>Content-Length</c> fails the last
    /// read with <see cref="HttpIOException"/> as over a socket, but a body that stops (a stalled body) only ends when
    /// the client gives up or the server is disposed, never by a TCP timeout; header values with bytes outside ASCII (<see cref="FakeFault.GarbageHeaders"/>)
    /// arrive as the strings they were sent as, not re-decoded from Latin-1 bytes; and no redirect is ever followed
    /// (following redirects is <see cref="SocketsHttpHandler"/>'s feature, not this handler's).
    /// </remarks>
    /// <returns>A new handler; the server must outlive it.</returns>
    public HttpMessageHandler CreateHandler()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_inMemoryGate)
        {
            _inMemory ??= new InMemoryTransport(_api);
            return _inMemory.CreateHandler();
        }
    }

    /// <summary>Forgets the requests recorded so far.</summary>
    public void ClearRequests() => _api.ClearRequests();

    /// <summary>A generation as of now on the server's clock, or <see langword="null"/> if the server does not know the id.</summary>
    /// <param name="id">The generation id (any UUID spelling).</param>
    /// <returns>The snapshot, or <see langword="null"/>.</returns>
    public FakeGeneration? GetGeneration(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _api.Store.Find(id)?.Snapshot(_api.Time.GetUtcNow());
    }

    /// <summary>
    /// Puts a generation on the server as if an earlier process had created it, so a client can GET it, download its
    /// outputs or reference it. It does not count towards rate limits or concurrent jobs.
    /// </summary>
    /// <param name="outcome">
    /// Its states over time from <paramref name="createdAt"/>; <see langword="null"/> for one that is already
    /// <c>completed</c>. Use <see cref="FakeOutcome.InState"/> for a fixed state, <see cref="FakeOutcome.Completed"/> for the schedule.
    /// </param>
    /// <param name="createdAt">Its <c>created_at</c>; <see langword="null"/> for now on the server's clock.</param>
    /// <param name="type">Its type, <c>image</c> by default.</param>
    /// <param name="model">Its model; <see langword="null"/> for <c>uni-1</c> (<c>ray-3.2</c> for video types).</param>
    /// <param name="prompt">Its prompt, for inspection only.</param>
    /// <param name="id">Its id, a UUID; <see langword="null"/> for a new one.</param>
    /// <returns>The generation id.</returns>
    public string SeedGeneration(FakeOutcome? outcome = null, DateTimeOffset? createdAt = null, string type = "image", string? model = null, string? prompt = null, string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        Guid guid = Guid.NewGuid();
        if (id is not null && !Guid.TryParse(id, out guid))
        {
            throw new ArgumentException("A generation id must be a UUID; the API answers 404 for anything else.", nameof(id));
        }

        model ??= type is "video" or "video_edit" or "video_reframe" ? "ray-3.2" : "uni-1";
        return _api.Seed(guid.ToString("D"), createdAt ?? _api.Time.GetUtcNow(), model, type, prompt, outcome ?? FakeOutcome.InState("completed")).Id;
    }

    /// <summary>Every file the server holds (Files API), in creation order, as of now on the server's clock (a snapshot).</summary>
    public IReadOnlyList<FakeFile> Files
    {
        get
        {
            DateTimeOffset now = _api.Time.GetUtcNow();
            lock (_api.Files.Gate)
            {
                return [.. _api.Files.All().Select(f => f.Snapshot(now))];
            }
        }
    }

    /// <summary>A file as of now on the server's clock, or <see langword="null"/> if the server does not know the id.</summary>
    /// <param name="id">The file id (any UUID spelling).</param>
    /// <returns>The snapshot, or <see langword="null"/>.</returns>
    public FakeFile? GetFile(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_api.Files.Find(id) is not { } file)
        {
            return null;
        }

        lock (_api.Files.Gate)
        {
            return file.Snapshot(_api.Time.GetUtcNow());
        }
    }

    /// <summary>
    /// Puts a file on the server as if it had been uploaded earlier, so a generation can reference it by
    /// <c>file_id</c> and the Files routes can get, list or delete it.
    /// </summary>
    /// <param name="state">
    /// <c>ready</c> (the default), <c>failed</c> (with <paramref name="failureReason"/>), <c>deleted</c> (deleted at
    /// <paramref name="createdAt"/>), or <c>pending</c> (stays pending: it is never completed).
    /// </param>
    /// <param name="mimeType">Its <c>mime_type</c>.</param>
    /// <param name="sizeBytes">Its <c>size_bytes</c>.</param>
    /// <param name="apiKey">The key that owns it; <see langword="null"/> for <see cref="ApiKey"/>.</param>
    /// <param name="purpose">Its <c>purpose</c>: <c>input</c> or <c>reference</c>.</param>
    /// <param name="fileName">Its <c>filename</c>.</param>
    /// <param name="createdAt">Its <c>created_at</c>; <see langword="null"/> for now on the server's clock.</param>
    /// <param name="expiresAt">Its <c>expires_at</c>; after it the file counts as deleted.</param>
    /// <param name="failureReason">The <c>failure_reason</c> of a <c>failed</c> file; <see langword="null"/> for <see cref="FakeLumaServerDetails.FileIngestFailed"/>.</param>
    /// <param name="id">Its id, a UUID; <see langword="null"/> for a new one.</param>
    /// <returns>The file id.</returns>
    public string SeedFile(string state = "ready", string mimeType = "image/png", long sizeBytes = 1024, string? apiKey = null, string purpose = "input", string? fileName = null, DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null, string? failureReason = null, string? id = null)
    {
        if (state is not ("ready" or "failed" or "deleted" or "pending"))
        {
            throw new ArgumentException("A seeded file is 'ready', 'failed', 'deleted' or 'pending'.", nameof(state));
        }

        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeBytes);
        if (purpose is not ("input" or "reference"))
        {
            throw new ArgumentException("A file's purpose is 'input' or 'reference'.", nameof(purpose));
        }

        Guid guid = Guid.NewGuid();
        if (id is not null && !Guid.TryParse(id, out guid))
        {
            throw new ArgumentException("A file id must be a UUID.", nameof(id));
        }

        DateTimeOffset created = createdAt ?? _api.Time.GetUtcNow();
        return _api.Files.Add(sequence => new StoredFile
        {
            Id = guid.ToString("D"),
            Sequence = sequence,
            ApiKey = apiKey ?? ApiKey,
            CreatedAt = created,
            MimeType = mimeType,
            Purpose = purpose,
            SizeBytes = sizeBytes,
            FileName = fileName,
            ExpiresAt = expiresAt,
            UploadMode = "seeded",
            CompletedAt = state == "pending" ? null : created,
            ReadyAt = state == "pending" ? null : created,
            FailureReason = state == "failed" ? failureReason ?? FakeLumaServerDetails.FileIngestFailed : null,
            DeletedAt = state == "deleted" ? created : null,
        }).Id;
    }

    /// <summary>Marks a key as revoked from now on: requests with it answer 401 <see cref="FakeLumaServerDetails.RevokedApiKey"/>.</summary>
    /// <param name="apiKey">The key.</param>
    public void RevokeApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _api.RevokeApiKey(apiKey);
    }

    /// <summary>Stops the server: requests held by a delay fault end at once, then the in-memory transport and Kestrel shut down.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        lock (_inMemoryGate)
        {
            _inMemory?.Dispose();
        }

        if (_app is not null)
        {
            using (var timeout = new CancellationTokenSource(StopGracePeriod))
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"FakeLumaServer {BaseUrl}";

    private static ILogger CreateLogger(FakeLumaServerOptions options) =>
        options.LoggerFactory?.CreateLogger<FakeLumaServer>() ?? NullLogger<FakeLumaServer>.Instance;

    private static void Validate(FakeLumaServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentNullException.ThrowIfNull(options.ApiKeys, nameof(options.ApiKeys));
        ArgumentNullException.ThrowIfNull(options.RevokedApiKeys, nameof(options.RevokedApiKeys));
        ArgumentException.ThrowIfNullOrEmpty(options.ApiVersion, nameof(options.ApiVersion));
        if (options.ApiKeys.Count == 0 || options.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("ApiKeys needs at least one key, and no key may be empty.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        if (options.InMemory && options.Port != 0)
        {
            throw new ArgumentException("An in-memory server listens on no port: leave Port at 0 or set InMemory to false.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueuedFor, TimeSpan.Zero, nameof(options.QueuedFor));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ProcessingFor, TimeSpan.Zero, nameof(options.ProcessingFor));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OutputUrlLifetime, TimeSpan.Zero, nameof(options.OutputUrlLifetime));
        ArgumentOutOfRangeException.ThrowIfNegative(options.OutputSizeBytes, nameof(options.OutputSizeBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxBodyBytes, nameof(options.MaxBodyBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(options.FileInlineMaxBytes, nameof(options.FileInlineMaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FileReadyAfter, TimeSpan.Zero, nameof(options.FileReadyAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FileUploadUrlLifetime, TimeSpan.Zero, nameof(options.FileUploadUrlLifetime));
        ThrowIfNotPositive(options.RequestsPerMinute, nameof(options.RequestsPerMinute));
        ThrowIfNotPositive(options.MaxConcurrentJobs, nameof(options.MaxConcurrentJobs));
        ThrowIfNotPositive(options.AbuseRequestsPerMinute, nameof(options.AbuseRequestsPerMinute));
    }

    private static void ThrowIfNotPositive(int? value, string name)
    {
        if (value is int number)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number, name);
        }
    }
}
