using Microsoft.Extensions.Logging;

namespace LumaAgents.Testing;

/// <summary>
/// How a <see cref="FakeLumaServer"/> behaves. Every property has a default that models the real API; the server
/// copies the values when it starts, so changing an options object afterwards has no effect on a running server.
/// </summary>
public sealed class FakeLumaServerOptions
{
    /// <summary>The API key a server accepts when <see cref="ApiKeys"/> is not set.</summary>
    public const string DefaultApiKey = "luma-api-fake-key";

    /// <summary>
    /// The clock behind every time-based behaviour: the state schedule, rate-limit windows, output URL expiry,
    /// <c>created_at</c>, <c>X-RateLimit-Reset</c> and <see cref="FakeFault.Delay(TimeSpan, FakeFault?)"/>.
    /// Pass a manual clock to drive the simulator in virtual time. Default: <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The port on <c>127.0.0.1</c> to listen on; 0 (the default) picks a free one (see <see cref="FakeLumaServer.BaseUrl"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// Serve only in memory, through <see cref="FakeLumaServer.CreateHandler"/>: no socket is opened (for tests that
    /// start many servers or run where ports are scarce). <see cref="FakeLumaServer.BaseUrl"/> is then
    /// <c>http://127.0.0.1:9/v1/</c>, a loopback discard port, so a client that sends over a real socket by mistake
    /// fails at once. <see cref="Port"/> must stay 0. Default: <see langword="false"/>.
    /// </summary>
    public bool InMemory { get; set; }

    /// <summary>The API keys the server accepts; the first is <see cref="FakeLumaServer.ApiKey"/>. Default: <see cref="DefaultApiKey"/>.</summary>
    public IReadOnlyCollection<string> ApiKeys { get; set; } = [DefaultApiKey];

    /// <summary>Keys the server knows but refuses as revoked or expired (401 <see cref="FakeLumaServerDetails.RevokedApiKey"/>). Default: none.</summary>
    public IReadOnlyCollection<string> RevokedApiKeys { get; set; } = [];

    /// <summary>How long a new generation stays <c>queued</c>. Default: 1 second.</summary>
    public TimeSpan QueuedFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a generation stays <c>processing</c> after it left the queue. Default: 3 seconds.</summary>
    public TimeSpan ProcessingFor { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Chooses the outcome of each new generation (success, a failure code, custom durations or an unusual state
    /// sequence). Returning <see langword="null"/> keeps <see cref="FakeGenerationContext.DefaultOutcome"/>. Default: none,
    /// so every generation completes, unless its prompt contains a marker such as <c>[fail:content_moderated]</c>.
    /// It is called for validated, admitted requests only, one at a time (under the server's admission lock, so it may
    /// keep simple state but should be quick); an exception answers 500 with the exception's message.
    /// </summary>
    public Func<FakeGenerationContext, FakeOutcome?>? OutcomeSelector { get; set; }

    /// <summary>
    /// The requests-per-minute limit on <c>POST /v1/generations</c> over a 60-second sliding window of accepted requests,
    /// shared by all keys. <see langword="null"/> (the default) is unlimited, and 201 responses then carry no
    /// <c>X-RateLimit-*</c> headers, like the real API when its limiter fails open.
    /// </summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The limit on unfinished jobs: a job holds a slot from its 201 until it is terminal (at most one hour). Default: unlimited.</summary>
    public int? MaxConcurrentJobs { get; set; }

    /// <summary>The API-wide abuse ceiling over all requests in a 60-second sliding window (429 with only <c>Retry-After</c>). Default: none.</summary>
    public int? AbuseRequestsPerMinute { get; set; }

    /// <summary>How long a presigned output URL stays valid; afterwards the download answers 403. Default: 1 hour.</summary>
    public TimeSpan OutputUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The size of every output file (a PNG in the requested aspect ratio for images, a playable MP4 for videos),
    /// padded with chunks every decoder skips. 0 (the default) serves the file at its natural size (a few KB for an
    /// image, about 2 KB for a video); a size below that is served at the natural size. Large sizes, such as
    /// 200 MB, are streamed from a reused buffer, never allocated whole. A size a few bytes above the natural one is
    /// rounded up so the file stays well formed.
    /// </summary>
    public int OutputSizeBytes { get; set; }

    /// <summary>The value of the <c>X-API-Version</c> header on every API response. Default: <c>2026-04-01</c>.</summary>
    public string ApiVersion { get; set; } = "2026-04-01";

    /// <summary>The largest request body accepted; larger bodies answer 413. Default: 64 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Whether a download that carries an <c>Authorization</c> header is refused with 400, as S3 refuses a presigned
    /// request with a second authentication mechanism. Off by default; the request log always shows the header.
    /// </summary>
    public bool RejectAuthorizationOnDownloads { get; set; }

    /// <summary>
    /// The largest file an inline (<c>multipart/form-data</c>) <c>POST /v1/files</c> accepts; above it the answer is
    /// 413 <see cref="FakeLumaServerDetails.InlineFileTooLarge"/>. The real cap is undocumented. Default: 8 MiB.
    /// </summary>
    public long FileInlineMaxBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>How long a completed file stays <c>pending</c> before it is <c>ready</c> (or <c>failed</c>), on <see cref="TimeProvider"/>. Default: 1 second.</summary>
    public TimeSpan FileReadyAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a presigned upload URL (<c>upload.url</c>) stays valid; afterwards the PUT answers 403. Default: 1 hour.</summary>
    public TimeSpan FileUploadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Decides whether a file's ingest fails, when it is completed (or uploaded inline): return <see langword="null"/>
    /// for <c>ready</c>, or a <c>failure_reason</c> for <c>failed</c>. Default: none, so every file becomes ready unless
    /// its file name contains <c>[fail]</c> (failure reason <see cref="FakeLumaServerDetails.FileIngestFailed"/>). An
    /// exception answers 500 with its message.
    /// </summary>
    public Func<FakeFile, string?>? FileOutcomeSelector { get; set; }

    /// <summary>
    /// Receives Kestrel's and the simulator's logs. Default: <see langword="null"/>, logging off. The simulator's
    /// category (<c>LumaAgents.Testing.FakeLumaServer</c>) logs one Information line per request when it ends —
    /// <c>POST /v1/generations 201 in 3.2 ms</c>, or that the connection was dropped or the client went away (the
    /// path never includes the query, which for storage URLs holds a signature) — and one per scripted fault applied.
    /// Filter on that category to print a request log (as <c>luma simulator</c> does).
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
