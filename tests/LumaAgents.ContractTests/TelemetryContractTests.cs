using System.Diagnostics;
using LumaAgents.ContractTests.Support;
using LumaAgents.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LumaAgents.ContractTests;

/// <summary>
/// A TracerProvider and MeterProvider listen process-wide, so these tests run alone: no other test's spans or
/// measurements can reach them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "OpenTelemetry";
}

/// <summary>
/// The SDK's traces and metrics through the real OpenTelemetry SDK (<c>AddSource(LumaTelemetry.SourceName)</c>,
/// <c>AddMeter(LumaTelemetry.MeterName)</c>, in-memory exporters), against WireMock: the span names, kinds and tags
/// and the instruments, units and tags that README.md's "Logging and telemetry" documents.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryContractTests : ContractTest
{
    private const string Id = "9f3c2a1e-5b7d-4c8e-a1f2-3b4c5d6e7f80";
    private const string FileId = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f60718293";

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _meters;

    public TelemetryContractTests()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(LumaTelemetry.SourceName).AddInMemoryExporter(_spans).Build()!;
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(LumaTelemetry.MeterName).AddInMemoryExporter(_metrics).Build()!;
    }

    private static string Generation(string state) =>
        $$"""{"id":"{{Id}}","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image","state":"{{state}}","failure_code":null,"output":[]}""";

    [Fact]
    public async Task Create_and_get_emit_client_spans_and_per_attempt_durations_and_the_retry_is_counted()
    {
        var create = ApiJson("POST", "/generations", """{"prompt":"a fox"}""");
        Server.Given(create).AtPriority(10).InScenario("ingest").WillSetStateTo("up")
            .RespondWith(Json(503, """{"detail":"URL ingestion unavailable"}""", "req-503"));
        Server.Given(create).AtPriority(1).InScenario("ingest").WhenStateIs("up")
            .RespondWith(Json(201, Generation("queued"), "req-201"));
        Server.Given(Api("GET", "/generations/" + Id)).RespondWith(Json(200, Generation("completed"), "req-get"));
        var client = NewClient(o => o.Retry.MaxRetries = 2);

        await Succeeds(() => client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));
        await Succeeds(() => client.Generations.GetAsync(Id));
        var metrics = Flush();

        Assert.Equal([LumaTelemetry.CreateActivity, LumaTelemetry.GetActivity], _spans.Select(s => s.OperationName));
        var createSpan = _spans[0];
        Assert.Equal("luma.generations.create", createSpan.OperationName);
        Assert.Equal(LumaTelemetry.SourceName, createSpan.Source.Name);
        Assert.Equal(ActivityKind.Client, createSpan.Kind);
        Assert.Equal(ActivityStatusCode.Unset, createSpan.Status);
        Assert.Equal(201, createSpan.GetTagItem("http.response.status_code"));
        Assert.Equal(2, createSpan.GetTagItem("luma.attempts"));
        Assert.Equal("req-201", createSpan.GetTagItem("luma.request_id"));
        Assert.Equal(Id, createSpan.GetTagItem("luma.generation.id"));
        Assert.Equal("queued", createSpan.GetTagItem("luma.generation.state"));
        Assert.Null(createSpan.GetTagItem("error.type"));
        var getSpan = _spans[1];
        Assert.Equal("luma.generations.get", getSpan.OperationName);
        Assert.Equal(ActivityKind.Client, getSpan.Kind);
        Assert.Equal(200, getSpan.GetTagItem("http.response.status_code"));
        Assert.Equal(1, getSpan.GetTagItem("luma.attempts"));
        Assert.Equal("req-get", getSpan.GetTagItem("luma.request_id"));
        Assert.Equal("completed", getSpan.GetTagItem("luma.generation.state"));

        var duration = Single(metrics, LumaTelemetry.RequestDuration);
        Assert.Equal("luma.client.request.duration", duration.Name);
        Assert.Equal("s", duration.Unit);
        Assert.Equal(MetricType.Histogram, duration.MetricType);
        Assert.Equal(
            ["GET get 200 ×1", "POST create 201 ×1", "POST create 503 ×1"],
            duration.MetricPoints.Select(p => $"{TagOf(p, "http.request.method")} {TagOf(p, "luma.operation")} {TagOf(p, "http.response.status_code")} ×{p.GetHistogramCount()}").Order());
        var retries = Single(metrics, LumaTelemetry.Retries);
        Assert.Equal("luma.client.retries", retries.Name);
        var retry = Assert.Single(retries.MetricPoints);
        Assert.Equal(1, retry.GetSumLong());
        Assert.Equal("create", TagOf(retry, "luma.operation"));
        Assert.Equal("503", TagOf(retry, "luma.retry.reason"));
        Assert.DoesNotContain(metrics, m => m.Name == LumaTelemetry.RateLimited);
        AssertEveryRequestMatched(3);
    }

    [Fact]
    public async Task A_wait_emits_its_span_around_the_read_its_duration_by_final_state_and_the_outcome()
    {
        Server.Given(Api("GET", "/generations/" + Id)).RespondWith(Json(200, Generation("completed"), "req-get"));

        await Succeeds(() => Client.Generations.WaitForCompletionAsync(Id));
        var metrics = Flush();

        var wait = Assert.Single(_spans, s => s.OperationName == LumaTelemetry.WaitActivity);
        Assert.Equal("luma.generations.wait", wait.OperationName);
        Assert.Equal(Id, wait.GetTagItem("luma.generation.id"));
        Assert.Equal("completed", wait.GetTagItem("luma.generation.state"));
        var read = Assert.Single(_spans, s => s.OperationName == LumaTelemetry.GetActivity);
        Assert.Equal(wait.SpanId, read.ParentSpanId);
        var waitDuration = Single(metrics, LumaTelemetry.WaitDuration);
        Assert.Equal("luma.client.wait.duration", waitDuration.Name);
        Assert.Equal("s", waitDuration.Unit);
        Assert.Equal("completed", TagOf(Assert.Single(waitDuration.MetricPoints), "luma.generation.state"));
        var outcome = Assert.Single(Single(metrics, LumaTelemetry.GenerationOutcomes).MetricPoints);
        Assert.Equal("luma.client.generations", LumaTelemetry.GenerationOutcomes);
        Assert.Equal(1, outcome.GetSumLong());
        Assert.Equal("completed", TagOf(outcome, "luma.generation.state"));
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Errors_mark_the_span_with_error_type_and_status_and_429s_are_counted_by_kind()
    {
        Server.Given(Api("GET", "/files/" + FileId)).RespondWith(Json(404, """{"detail":"File not found"}""", "req-404"));
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a fox"}"""))
            .RespondWith(Json(429, """{"detail":"Rate limit exceeded"}""", "req-429", ("Retry-After", "5"), ("X-RateLimit-Limit", "30"), ("X-RateLimit-Remaining", "0")));

        await Assert.ThrowsAsync<LumaNotFoundException>(() => Client.Files.GetAsync(FileId));
        await Assert.ThrowsAsync<LumaRateLimitException>(() => Client.Generations.CreateAsync(new GenerationRequest { Prompt = "a fox" }));
        var metrics = Flush();

        var fileSpan = Assert.Single(_spans, s => s.OperationName == "luma.files.get");
        Assert.Equal(ActivityKind.Client, fileSpan.Kind);
        Assert.Equal(ActivityStatusCode.Error, fileSpan.Status);
        Assert.Equal(typeof(LumaNotFoundException).FullName, fileSpan.GetTagItem("error.type"));
        Assert.Equal(404, fileSpan.GetTagItem("http.response.status_code"));
        Assert.Equal("req-404", fileSpan.GetTagItem("luma.request_id"));
        var createSpan = Assert.Single(_spans, s => s.OperationName == LumaTelemetry.CreateActivity);
        Assert.Equal(ActivityStatusCode.Error, createSpan.Status);
        Assert.Equal(typeof(LumaRateLimitException).FullName, createSpan.GetTagItem("error.type"));
        Assert.Equal(429, createSpan.GetTagItem("http.response.status_code"));
        var limited = Single(metrics, LumaTelemetry.RateLimited);
        Assert.Equal("luma.client.rate_limited", limited.Name);
        var point = Assert.Single(limited.MetricPoints);
        Assert.Equal(1, point.GetSumLong());
        Assert.Equal("requests_per_minute", TagOf(point, "luma.rate_limit.kind"));
        Assert.Equal(
            ["GET files.get 404", "POST create 429"],
            Single(metrics, LumaTelemetry.RequestDuration).MetricPoints.Select(p => $"{TagOf(p, "http.request.method")} {TagOf(p, "luma.operation")} {TagOf(p, "http.response.status_code")}").Order());
        AssertEveryRequestMatched(2);
    }

    private List<MetricSnapshot> Flush()
    {
        _meters.ForceFlush();
        return [.. _metrics];
    }

    private static MetricSnapshot Single(List<MetricSnapshot> metrics, string name)
    {
        // One export, so one snapshot per instrument; from the SDK's meter only.
        var found = Assert.Single(metrics, m => m.Name == name);
        Assert.Equal(LumaTelemetry.MeterName, found.MeterName);
        return found;
    }

    private static string? TagOf(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    protected override void DisposeResources()
    {
        _tracing.Dispose();
        _meters.Dispose();
    }
}
