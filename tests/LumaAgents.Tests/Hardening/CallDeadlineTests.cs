using System.Net;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Hardening;

/// <summary>Deadlines are deadlines: a wait, or a call with a total timeout, ends in time under any server behaviour.</summary>
public sealed class CallDeadlineTests
{
    [Fact]
    public async Task A_wait_ends_by_its_deadline_when_every_poll_answers_503_with_a_long_retry_after()
    {
        var time = new ManualTimeProvider();
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""", ("Retry-After", "10"))));
        using var client = TestClients.WithHandler(handler, o =>
        {
            o.TimeProvider = time;
            o.Retry.MaxRetries = 2;
        });

        var error = await Assert.ThrowsAsync<GenerationTimeoutException>(() => time.RunUntilCompleteAsync(
            client.Generations.WaitForCompletionAsync("g1", new WaitOptions { Timeout = TimeSpan.FromSeconds(2) })));

        Assert.True(time.GetUtcNow() - ManualTimeProvider.DefaultStart <= TimeSpan.FromSeconds(3), $"ended after {time.GetUtcNow() - ManualTimeProvider.DefaultStart}");
        Assert.Equal("g1", error.GenerationId);
        Assert.NotNull(error.InnerException);
        Assert.Equal(1, handler.Sent);
    }

    [Fact]
    public async Task A_wait_ends_by_its_deadline_when_a_poll_never_answers()
    {
        var time = new ManualTimeProvider();
        var handler = new ScriptedHandler((_, _, ct) => ScriptedHandler.Never(ct));
        using var client = TestClients.WithHandler(handler, o => o.TimeProvider = time);

        var wait = client.Generations.WaitForCompletionAsync("g1", new WaitOptions { Timeout = TimeSpan.FromSeconds(5) });
        await handler.WaitForRequestsAsync(1);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(5) + GenerationWaiter.PollGrace);

        await Assert.ThrowsAsync<GenerationTimeoutException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(GenerationWaiter.PollGrace < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_server_hint_longer_than_what_is_left_ends_the_wait_without_sleeping_past_it()
    {
        var time = new ManualTimeProvider();
        var answers = 0;
        var handler = new ScriptedHandler((_, _, _) => Task.FromResult(Interlocked.Increment(ref answers) == 1
            ? ScriptedHandler.Json(HttpStatusCode.OK, Samples.Queued)
            : ScriptedHandler.Json((HttpStatusCode)429, """{"detail":"Rate limit exceeded"}""", ("Retry-After", "45"))));
        using var client = TestClients.WithHandler(handler, o => o.TimeProvider = time);

        var error = await Assert.ThrowsAsync<GenerationTimeoutException>(() => time.RunUntilCompleteAsync(
            client.Generations.WaitForCompletionAsync("g1", new WaitOptions { Timeout = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromSeconds(2) })));

        Assert.True(time.GetUtcNow() - ManualTimeProvider.DefaultStart < TimeSpan.FromSeconds(30));
        Assert.Equal(GenerationState.Queued, error.LastKnown!.State);
    }

    [Fact]
    public async Task A_total_timeout_cuts_an_attempt_that_never_answers()
    {
        var time = new ManualTimeProvider();
        var handler = new ScriptedHandler((_, _, ct) => ScriptedHandler.Never(ct));
        using var client = TestClients.WithHandler(handler, o =>
        {
            o.TimeProvider = time;
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });

        var call = client.Generations.GetAsync("g1");
        await handler.WaitForRequestsAsync(1);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("total timeout of 5 s", error.Message);
    }

    [Fact]
    public async Task A_create_cut_short_by_its_total_timeout_says_the_job_may_exist()
    {
        var time = new ManualTimeProvider();
        var handler = new ScriptedHandler((_, _, ct) => ScriptedHandler.Never(ct));
        using var client = TestClients.WithHandler(handler, o =>
        {
            o.TimeProvider = time;
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });

        var call = client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        await handler.WaitForRequestsAsync(1);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(error.GenerationMayExist);
        Assert.Equal(1, handler.Sent);
    }
}
