using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Waiting;

/// <summary>InlineProgress: every state change reaches the handler in order, before the wait returns or throws.</summary>
public sealed class InlineProgressTests
{
    /// <summary>A simulator whose jobs are queued for 5 s and processing for 30 s, in virtual time.</summary>
    private static Task<Simulated> StartAsync(ManualTimeProvider time) => Simulated.StartAsync(
        server: o => { o.TimeProvider = time; o.QueuedFor = TimeSpan.FromSeconds(5); o.ProcessingFor = TimeSpan.FromSeconds(30); },
        client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });

    [Fact]
    public async Task A_failed_wait_reports_every_state_in_order_before_the_catch_runs()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time);
        var events = new List<string>();
        var progress = new InlineProgress<Generation>(g => events.Add(g.State.Value));

        try
        {
            await sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox [fail:content_moderated]"), progress: progress));
            events.Add("returned");
        }
        catch (GenerationFailedException)
        {
            events.Add("caught");
        }

        Assert.Equal(["queued", "processing", "failed", "caught"], events);
    }

    [Fact]
    public async Task A_completed_wait_has_reported_completed_by_the_time_it_returns()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time);
        var events = new List<string>();

        var done = await sim.RunAsync(time, sim.Client.Generations.CreateAndWaitAsync(
            GenerationRequest.CreateImage("a fox"), progress: new InlineProgress<Generation>(g => events.Add(g.Id + " " + g.State.Value))));
        events.Add("returned");

        Assert.Equal([done.Id + " queued", done.Id + " processing", done.Id + " completed", "returned"], events);
    }

    [Fact]
    public void Report_runs_the_handler_on_the_reporting_thread_before_it_returns()
    {
        var thread = -1;
        var seen = new List<int>();
        var progress = new InlineProgress<int>(v => { seen.Add(v); thread = Environment.CurrentManagedThreadId; });

        progress.Report(1);
        Assert.Equal([1], seen);
        progress.Report(2);

        Assert.Equal([1, 2], seen);
        Assert.Equal(Environment.CurrentManagedThreadId, thread);
    }

    [Fact]
    public void An_exception_in_the_handler_reaches_the_reporter()
    {
        var progress = new InlineProgress<string>(_ => throw new InvalidOperationException("handler broke"));

        var error = Assert.Throws<InvalidOperationException>(() => progress.Report("x"));

        Assert.Equal("handler broke", error.Message);
    }

    [Fact]
    public void A_null_handler_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new InlineProgress<int>(null!));
    }
}
