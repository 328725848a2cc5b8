using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LumaAgents.Diagnostics;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hosting;

/// <summary>The documented spans and instruments (ARCHITECTURE §7). Listeners are process-wide, so these run alone.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task An_activity_listener_sees_create_get_wait_and_download_spans_with_their_tags()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LumaTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var sim = await Simulated.StartAsync(client: o => o.Retry.BaseDelay = TimeSpan.Zero);
        sim.Server.Faults.Add(FakeRoute.Create, FakeFault.ServiceUnavailable(0));

        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        var done = await sim.Client.Generations.WaitForCompletionAsync(created, new WaitOptions { InitialDelay = TimeSpan.Zero });
        await sim.Client.Generations.DownloadAsync(done, 0, new MemoryStream());
        await Assert.ThrowsAsync<LumaNotFoundException>(() => sim.Client.Generations.GetAsync("00000000-0000-4000-8000-000000000000"));

        var spans = stopped.Where(a => a.GetTagItem("luma.generation.id") is string id && id == created.Id || a.Status == ActivityStatusCode.Error).ToArray();
        var create = Assert.Single(spans, a => a.OperationName == LumaTelemetry.CreateActivity);
        Assert.Equal(ActivityKind.Client, create.Kind);
        Assert.Equal(2, create.GetTagItem("luma.attempts"));
        Assert.Equal(201, create.GetTagItem("http.response.status_code"));
        Assert.Equal("queued", create.GetTagItem("luma.generation.state"));
        Assert.NotNull(create.GetTagItem("luma.request_id"));
        var get = spans.Where(a => a.OperationName == LumaTelemetry.GetActivity && a.Status != ActivityStatusCode.Error).ToArray();
        Assert.NotEmpty(get);
        Assert.Equal("completed", get[^1].GetTagItem("luma.generation.state"));
        var wait = Assert.Single(spans, a => a.OperationName == LumaTelemetry.WaitActivity);
        Assert.Equal("completed", wait.GetTagItem("luma.generation.state"));
        Assert.Equal(get.Length, wait.GetTagItem("luma.polls"));
        Assert.All(get, g => Assert.Equal(wait.SpanId, g.ParentSpanId));
        var download = Assert.Single(spans, a => a.OperationName == LumaTelemetry.DownloadActivity);
        Assert.Equal(0, download.GetTagItem("luma.output.index"));
        var failed = Assert.Single(spans, a => a.OperationName == LumaTelemetry.GetActivity && a.Status == ActivityStatusCode.Error);
        Assert.Equal(404, failed.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(LumaNotFoundException).FullName, failed.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_meter_listener_sees_every_documented_instrument()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LumaTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.Start();
        await using var sim = await Simulated.StartAsync(
            server: o => o.MaxConcurrentJobs = 1,
            client: o => { o.Retry.BaseDelay = TimeSpan.Zero; o.Retry.MaxServerDelay = TimeSpan.FromSeconds(1); });
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(0));

        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        await sim.Client.Generations.WaitForCompletionAsync(created, new WaitOptions { InitialDelay = TimeSpan.Zero });
        await Assert.ThrowsAsync<GenerationFailedException>(() => sim.Client.Generations.CreateAndWaitAsync(
            GenerationRequest.CreateImage("x [fail:generation_failed]"), new WaitOptions { InitialDelay = TimeSpan.Zero }));
        sim.Server.Faults.Add(FakeRoute.Create, FakeFault.Respond(429, """{"detail":"Too many concurrent jobs"}""", headers: [new("Retry-After", "60")]));
        await Assert.ThrowsAsync<LumaRateLimitException>(() => sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("z")));

        Assert.Contains(measurements, m => m.Instrument == LumaTelemetry.RequestDuration && Equals(m.Tags["luma.operation"], "create") && Equals(m.Tags["http.response.status_code"], 201));
        Assert.Contains(measurements, m => m.Instrument == LumaTelemetry.Retries && Equals(m.Tags["luma.retry.reason"], "503") && Equals(m.Tags["luma.operation"], "get"));
        Assert.Contains(measurements, m => m.Instrument == LumaTelemetry.RateLimited && Equals(m.Tags["luma.rate_limit.kind"], "concurrent_jobs"));
        Assert.Contains(measurements, m => m.Instrument == LumaTelemetry.WaitDuration && Equals(m.Tags["luma.generation.state"], "completed"));
        Assert.Contains(measurements, m => m.Instrument == LumaTelemetry.GenerationOutcomes && Equals(m.Tags["luma.generation.failure_code"], "generation_failed"));
        Assert.Contains(measurements, m => m.Instrument == LumaTelemetry.GenerationOutcomes && Equals(m.Tags["luma.generation.state"], "completed"));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
