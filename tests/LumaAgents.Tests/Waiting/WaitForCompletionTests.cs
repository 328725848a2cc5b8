using System.Diagnostics;
using LumaAgents.Testing;
using LumaAgents.Tests.Resilience;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Waiting;

/// <summary>WaitForCompletionAsync and CreateAndWaitAsync (ARCHITECTURE §5), in virtual time against the simulator.</summary>
public sealed class WaitForCompletionTests
{
    private static readonly DateTimeOffset Start = ManualTimeProvider.DefaultStart;

    private static Task<Simulated> StartAsync(ManualTimeProvider time, Action<FakeLumaServerOptions>? server = null, Action<LumaClientOptions>? client = null)
        => Simulated.StartAsync(
            server: o => { o.TimeProvider = time; server?.Invoke(o); },
            client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; client?.Invoke(o); });

    [Fact]
    public async Task An_image_that_takes_31_seconds_is_first_polled_at_20_seconds_and_at_most_7_times()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromSeconds(31));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        var done = await sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created));

        Assert.True(done.IsCompleted);
        var polls = sim.Gets.Select(r => (r.ReceivedAt - Start).TotalSeconds).ToArray();
        Assert.Equal(20, polls[0]);
        Assert.True(polls.Length <= (int)Math.Ceiling((31 - 20) / 2.0) + 1, "polls at " + string.Join(", ", polls));
        Assert.All(polls.Zip(polls.Skip(1)), pair => Assert.Equal(2, pair.Second - pair.First));
    }

    [Fact]
    public async Task Video_uses_the_video_defaults()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromSeconds(41));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateVideo("waves"));

        await sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created));

        Assert.Equal([30.0, 35, 40, 45], sim.Gets.Select(r => (r.ReceivedAt - Start).TotalSeconds));
    }

    [Fact]
    public async Task The_deadline_gives_a_timeout_exception_with_the_last_known_generation()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromHours(1));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        var error = await Assert.ThrowsAsync<GenerationTimeoutException>(
            () => sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created)));

        Assert.Equal(created.Id, error.GenerationId);
        Assert.Equal(GenerationState.Processing, error.LastKnown!.State);
        Assert.Equal(TimeSpan.FromMinutes(2), error.Elapsed);
        Assert.Contains(created.Id, error.Message);
        Assert.Equal(120, (sim.Gets[^1].ReceivedAt - Start).TotalSeconds);
    }

    public static TheoryData<string, bool> FailureCodes => new()
    {
        { "content_moderated", false },
        { "generation_failed", true },
        { "budget_exhausted", false },
        { "output_not_found", true },
        { "image_too_large", false },
        { "unsupported_format", false },
        { "corrupt_input", false },
        { "invalid_request", false },
        { "rate_limited", true },
    };

    [Theory]
    [MemberData(nameof(FailureCodes))]
    public async Task A_failure_throws_with_its_code_and_retryability(string code, bool retryable)
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time);

        var error = await Assert.ThrowsAsync<GenerationFailedException>(
            () => sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage($"a fox [fail:{code}]"))));

        Assert.Equal(code, error.FailureCode!.Value.Value);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.False(string.IsNullOrEmpty(error.FailureReason));
        Assert.True(error.Generation.IsFailed);
    }

    [Fact]
    public async Task With_throw_on_failure_off_the_failed_generation_is_returned()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time);

        var failed = await sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(
            GenerationRequest.CreateImage("a fox [fail:content_moderated]"), new WaitOptions { ThrowOnFailure = false }));

        Assert.True(failed.IsFailed);
        Assert.Equal(FailureCode.ContentModerated, failed.FailureCode);
    }

    [Fact]
    public async Task An_unknown_state_is_not_terminal_and_progress_sees_every_change()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.OutcomeSelector = _ => FakeOutcome.Sequence(
            [new FakeStateStep("queued", TimeSpan.FromSeconds(5)), new FakeStateStep("pending", TimeSpan.FromSeconds(20)), new FakeStateStep("completed", TimeSpan.Zero)]));
        var states = new List<string>();
        var progress = new SynchronousProgress<Generation>(g => states.Add(g.State.Value));

        var done = await sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), progress: progress));

        Assert.True(done.IsCompleted);
        Assert.Equal(["queued", "pending", "completed"], states);
    }

    [Fact]
    public async Task A_404_mid_wait_ends_it_with_not_found()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromMinutes(1));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        var wait = sim.Client.Generations.WaitForCompletionAsync(created.Id);
        await RetryAgainstSimulatorTests.WaitUntilAsync(() => sim.Gets.Count == 1 && sim.Gets[0].StatusCode == 200);
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.Respond(404, """{"detail":"Generation not found"}"""));
        var error = await Assert.ThrowsAsync<LumaNotFoundException>(() => sim.RunAsync(time, wait));

        Assert.Equal("Generation not found", error.Detail);
        Assert.Equal(2, sim.Gets.Count);
    }

    [Fact]
    public async Task A_503_mid_wait_beyond_the_retry_budget_does_not_end_the_wait()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromSeconds(25));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.ServiceUnavailable(1), times: 4);

        var done = await sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created));

        Assert.True(done.IsCompleted);
        Assert.Equal(4, sim.Gets.Count(r => r.StatusCode == 503));
    }

    [Fact]
    public async Task Cancellation_mid_delay_ends_the_wait_promptly()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromHours(1));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        using var cancel = new CancellationTokenSource();

        var wait = sim.Client.Generations.WaitForCompletionAsync(created, cancellationToken: cancel.Token);
        await time.WaitForTimersAsync();
        var before = time.GetUtcNow();
        cancel.Cancel();

        // Promptly = without the delay running out: the clock never moves, yet the wait ends (the guard is only a hang guard).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(before, time.GetUtcNow());
        Assert.Empty(sim.Gets);
    }

    [Fact]
    public async Task A_second_client_resumes_the_wait_by_id_and_gets_the_same_result()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromSeconds(30));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        using var second = new LumaClient(
            new LumaClientOptions { ApiKey = sim.Server.ApiKey, BaseUrl = sim.Server.BaseUrl, TimeProvider = time, Timeout = Timeout.InfiniteTimeSpan },
            null,
            TestClients.NoEnvironment);

        // Resuming by id reads at once: see that read land before any virtual time passes.
        var resumed = second.Generations.WaitForCompletionAsync(created.Id);
        await RetryAgainstSimulatorTests.WaitUntilAsync(() => sim.Gets.Count == 1 && sim.Gets[0].StatusCode == 200);
        var both = Task.WhenAll(sim.Client.Generations.WaitForCompletionAsync(created), resumed);
        var results = await sim.RunAsync(time, both);

        Assert.Equal(results[0].Id, results[1].Id);
        Assert.All(results, g => Assert.True(g.IsCompleted));
        Assert.Equal(0, (sim.Gets[0].ReceivedAt - Start).TotalSeconds);
    }

    [Fact]
    public async Task An_old_job_is_polled_at_once()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time);
        var id = sim.Server.SeedGeneration(FakeOutcome.InState("processing"), createdAt: Start.AddMinutes(-10));
        var old = await sim.Client.Generations.GetAsync(id);
        sim.Server.ClearRequests();

        var wait = sim.Client.Generations.WaitForCompletionAsync(old, new WaitOptions { Timeout = TimeSpan.FromSeconds(5) });
        await Assert.ThrowsAsync<GenerationTimeoutException>(() => sim.RunAsync(time, wait));

        Assert.Equal(0, (sim.Gets[0].ReceivedAt - Start).TotalSeconds);
    }

    [Fact]
    public async Task A_terminal_generation_returns_without_a_request()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time);
        var done = new Generation { Id = "6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11", State = GenerationState.Completed };

        Assert.Same(done, await sim.Client.Generations.WaitForCompletionAsync(done));
        Assert.Empty(sim.Gets);
    }

    [Fact]
    public async Task Poll_intervals_are_clamped_and_per_call_options_win()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromSeconds(3));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        await sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(
            created, new WaitOptions { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(1) }));

        Assert.Equal([1.0, 1.5, 2, 2.5, 3], sim.Gets.Select(r => (r.ReceivedAt - Start).TotalSeconds));
    }

    [Fact]
    public async Task Client_wide_wait_defaults_apply()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(
            time,
            s => s.ProcessingFor = TimeSpan.FromSeconds(12),
            c => c.ImageWait = new WaitOptions { InitialDelay = TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromSeconds(3), Timeout = TimeSpan.FromMinutes(1) });
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));

        await sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created));

        Assert.Equal([10.0, 13], sim.Gets.Select(r => (r.ReceivedAt - Start).TotalSeconds));
    }

    [Fact]
    public async Task A_server_retry_after_on_a_poll_is_respected()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => s.ProcessingFor = TimeSpan.FromSeconds(21));
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        sim.Server.Faults.Add(FakeRoute.Get, FakeFault.TooManyRequests(TimeSpan.FromSeconds(7)));

        await sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created));

        Assert.Equal([20.0, 27], sim.Gets.Select(r => (r.ReceivedAt - Start).TotalSeconds));
    }

    [Fact]
    public async Task Max_concurrent_jobs_keeps_create_and_wait_under_the_servers_limit()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time, s => { s.MaxConcurrentJobs = 2; s.ProcessingFor = TimeSpan.FromSeconds(25); }, c => c.MaxConcurrentJobs = 2);

        var all = Task.WhenAll(Enumerable.Range(0, 6).Select(i => sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage($"fox {i}"))));
        var done = await sim.RunAsync(time, all);

        Assert.All(done, g => Assert.True(g.IsCompleted));
        Assert.DoesNotContain(sim.Creates, r => r.StatusCode == 429);
        Assert.Equal(6, sim.Creates.Count);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_clearly()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time);

        await Assert.ThrowsAsync<ArgumentNullException>(() => sim.Client.Generations.WaitForCompletionAsync((Generation)null!));
        await Assert.ThrowsAsync<LumaValidationException>(() => sim.Client.Generations.WaitForCompletionAsync(".."));
        await Assert.ThrowsAsync<LumaValidationException>(() => sim.Client.Generations.WaitForCompletionAsync(
            new Generation { Id = "abc", State = GenerationState.Queued }, new WaitOptions { Timeout = TimeSpan.Zero }));
    }

    /// <summary>Reports on the calling thread, so the test sees reports in order without a synchronization context.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
