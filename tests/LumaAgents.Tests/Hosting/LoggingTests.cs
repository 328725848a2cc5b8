using LumaAgents.Testing;
using LumaAgents.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Tests.Hosting;

/// <summary>Logs say what happened, at the right level, and never carry the key or a presigned query string.</summary>
public sealed class LoggingTests : IDisposable
{
    private const string Key = "luma-api-very-secret-key-0001";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "luma-log-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Logs_at_every_level_never_contain_the_key_or_a_presigned_query_under_success_and_failure()
    {
        var time = new ManualTimeProvider();
        var capture = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        await using var sim = await Simulated.StartAsync(
            server: o => { o.ApiKeys = [Key]; o.TimeProvider = time; o.RequestsPerMinute = 1; },
            client: o =>
            {
                o.ApiKey = Key;
                o.LoggerFactory = loggers;
                o.TimeProvider = time;
                o.Timeout = Timeout.InfiniteTimeSpan;
                o.ImageWait = o.ImageWait with { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1) };
            });
        var errors = new List<Exception>();

        // Success, with a retried 503 on the way and a poll that fails for good once.
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(1), times: 4);
        var done = await sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox")));
        await sim.Client.Generations.SaveOutputsAsync(done, _folder);

        // A throttled create (RPM 1), an expired URL refreshed, a failed generation, an uncertain create,
        // a refused download, a bad key.
        await sim.RunAsync(time, sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("second")));
        time.Advance(TimeSpan.FromHours(2));
        await sim.Client.Generations.DownloadAsync(done, 0, new MemoryStream());
        errors.Add(await Assert.ThrowsAsync<GenerationFailedException>(
            () => sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("x [fail:content_moderated]")))));
        sim.Server.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenRespond(500));
        errors.Add(await Assert.ThrowsAsync<LumaServerException>(() => sim.RunAsync(time, sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("y")))));
        var fresh = await sim.Client.Generations.GetAsync(done.Id);
        sim.Server.Faults.Add(FakeRoute.Download, FakeFault.Respond(403, "<Error>AccessDenied</Error>", "application/xml"), times: 2);
        errors.Add(await Assert.ThrowsAsync<LumaDownloadException>(() => sim.Client.Generations.DownloadAsync(fresh, 0, new MemoryStream())));
        sim.Server.RevokeApiKey(Key);
        errors.Add(await Assert.ThrowsAsync<LumaAuthenticationException>(() => sim.Client.Generations.GetAsync(done.Id)));

        var everything = capture.AllText + "\n" + string.Join("\n", errors.Select(e => e.ToString())) + "\n" + sim.Client.Options;
        Assert.DoesNotContain(Key, everything);
        Assert.DoesNotContain("X-Amz-Signature", everything);
        Assert.DoesNotContain("Authorization", capture.AllText);
        foreach (var url in new[] { done.Output[0].Url!, fresh.Output[0].Url! })
        {
            Assert.DoesNotContain(url.Query, everything);
        }

        // The logs are not vacuous: each kind of event is there, at its level.
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Debug && e.Text.StartsWith("Sending POST /v1/generations"));
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Debug && e.Text.Contains("X-Request-Id: "));
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Information && e.Text.StartsWith("Retrying GET"));
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Information && e.Text.StartsWith("Held a create"));
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Warning && e.Text.StartsWith("Polling generation"));
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Warning && e.Text.StartsWith("A create failed with an unknown outcome"));
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Information && e.Text.Contains("had expired"));
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Information && e.Text.Contains("is completed"));
        Assert.Contains(capture.Entries, e => e.Text.Contains("/outputs/"));
    }

    [Fact]
    public async Task Rate_limited_responses_are_logged_with_their_kind()
    {
        var capture = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        await using var sim = await Simulated.StartAsync(
            server: o => { o.MaxConcurrentJobs = 1; o.ProcessingFor = TimeSpan.FromHours(1); },
            client: o => { o.LoggerFactory = loggers; o.Retry.MaxRetries = 0; });
        await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("one"));

        await Assert.ThrowsAsync<LumaRateLimitException>(() => sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("two")));

        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Warning && e.Text.StartsWith("Rate limited (ConcurrentJobs) on POST /v1/generations"));
    }
}
