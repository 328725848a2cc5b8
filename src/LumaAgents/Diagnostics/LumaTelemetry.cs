using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LumaAgents.Diagnostics;

/// <summary>
/// The SDK's tracing and metrics, both named <c>LumaAgents</c>. Subscribe with OpenTelemetry
/// (<c>AddSource(LumaTelemetry.SourceName)</c>, <c>AddMeter(LumaTelemetry.MeterName)</c>) or any
/// <see cref="ActivityListener"/>/<see cref="MeterListener"/>. With nobody listening, nothing is recorded.
/// </summary>
public static class LumaTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name: <c>LumaAgents</c>.</summary>
    public const string SourceName = "LumaAgents";

    /// <summary>The <see cref="Meter"/> name: <c>LumaAgents</c>.</summary>
    public const string MeterName = "LumaAgents";

    /// <summary>Span of a create (<c>POST /generations</c>), retries included.</summary>
    public const string CreateActivity = "luma.generations.create";

    /// <summary>Span of a read (<c>GET /generations/{id}</c>), retries included.</summary>
    public const string GetActivity = "luma.generations.get";

    /// <summary>Span of a whole wait for a generation.</summary>
    public const string WaitActivity = "luma.generations.wait";

    /// <summary>Span of one output download.</summary>
    public const string DownloadActivity = "luma.generations.download";

    /// <summary>Histogram (s): each HTTP attempt to the API; tags <c>http.request.method</c>, <c>luma.operation</c>, <c>http.response.status_code</c>.</summary>
    public const string RequestDuration = "luma.client.request.duration";

    /// <summary>Counter: retries made; tags <c>luma.operation</c>, <c>luma.retry.reason</c>.</summary>
    public const string Retries = "luma.client.retries";

    /// <summary>Counter: 429 responses; tag <c>luma.rate_limit.kind</c> (requests_per_minute, concurrent_jobs, unknown).</summary>
    public const string RateLimited = "luma.client.rate_limited";

    /// <summary>Histogram (s): how long waits for generations lasted; tag <c>luma.generation.state</c> (or <c>timeout</c>).</summary>
    public const string WaitDuration = "luma.client.wait.duration";

    /// <summary>Counter: generations seen to finish; tags <c>luma.generation.state</c>, <c>luma.generation.failure_code</c>.</summary>
    public const string GenerationOutcomes = "luma.client.generations";

    internal static readonly ActivitySource Source = new(SourceName, UserAgent.SdkVersion);

    internal static readonly Meter Meter = new(MeterName, UserAgent.SdkVersion);

    internal static readonly Histogram<double> RequestDurationInstrument =
        Meter.CreateHistogram<double>(RequestDuration, "s", "Duration of HTTP attempts to the Luma API.");

    internal static readonly Counter<long> RetriesInstrument =
        Meter.CreateCounter<long>(Retries, "{retry}", "Retries of Luma API calls.");

    internal static readonly Counter<long> RateLimitedInstrument =
        Meter.CreateCounter<long>(RateLimited, "{response}", "429 responses from the Luma API, by limit.");

    internal static readonly Histogram<double> WaitDurationInstrument =
        Meter.CreateHistogram<double>(WaitDuration, "s", "Duration of waits for Luma generations.");

    internal static readonly Counter<long> GenerationOutcomesInstrument =
        Meter.CreateCounter<long>(GenerationOutcomes, "{generation}", "Luma generations seen to finish, by state and failure code.");

    internal static string OperationOf(HttpRequestMessage request)
        => RequestContext.For(request)?.IsCreate == true ? "create" : request.Method == HttpMethod.Get ? "get" : "other";

    internal static string KindTag(RateLimitKind kind) => kind switch
    {
        RateLimitKind.RequestsPerMinute => "requests_per_minute",
        RateLimitKind.ConcurrentJobs => "concurrent_jobs",
        _ => "unknown",
    };

    internal static void RecordOutcome(Generation generation)
    {
        if (GenerationOutcomesInstrument.Enabled)
        {
            GenerationOutcomesInstrument.Add(
                1,
                new KeyValuePair<string, object?>("luma.generation.state", generation.State.Value),
                new KeyValuePair<string, object?>("luma.generation.failure_code", generation.FailureCode?.Value));
        }
    }
}
