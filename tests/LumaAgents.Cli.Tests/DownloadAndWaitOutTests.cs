using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary><c>luma generations download</c> and <c>wait --out</c>: fresh URLs from a GET, the same safe names as <c>generate</c>.</summary>
public sealed class DownloadAndWaitOutTests
{
    [Fact]
    public async Task Download_reads_the_generation_first_and_saves_every_output_with_the_generate_names()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "download", id, "--out", "saved");

        result.AssertExit(0);
        var file = result.Json!["files"]![0]!.GetValue<string>();
        Assert.Equal(Path.Combine(cli.WorkingDirectory, "saved", id + "_0.png"), file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(file)[..4]);
        Assert.Equal([RouteKind.Get, RouteKind.Download], cli.Server.Requests.Select(r => r.RouteKind));
    }

    [Fact]
    public async Task Download_never_overwrites_a_file()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();
        cli.WriteFile(id + "_0.png", "mine");

        var result = await cli.RunAsync("generations", "download", id);

        result.AssertExit(0);
        Assert.EndsWith(id + "_0-2.png", result.Json!["files"]![0]!.GetValue<string>());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(cli.WorkingDirectory, id + "_0.png")));
    }

    [Fact]
    public async Task Download_index_saves_one_output_under_its_own_number()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(type: "video");

        var result = await cli.RunAsync("generations", "download", id, "--index", "0", "--out", "v");

        result.AssertExit(0);
        Assert.Equal(Path.Combine(cli.WorkingDirectory, "v", id + "_0.mp4"), result.Json!["files"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Download_index_out_of_range_says_what_there_is()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "download", id, "--index", "3");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("has 1 output(s), numbered from 0", result.Stderr);
    }

    [Fact]
    public async Task Download_of_a_running_generation_points_to_wait_out()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(FakeOutcome.InState("processing"));

        var result = await cli.RunAsync("generations", "download", id, "--out", "later");

        result.AssertExit(ExitCodes.Failure);
        Assert.Contains($"wait for it and save in one step: luma generations wait {id} --out later", result.Stderr);
        Assert.Equal([RouteKind.Get], cli.Server.Requests.Select(r => r.RouteKind));
    }

    [Fact]
    public async Task Download_of_a_failed_generation_exits_6()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(FakeOutcome.InState("failed", "content_moderated"));

        var result = await cli.RunAsync("generations", "download", id);

        result.AssertExit(ExitCodes.GenerationFailed);
    }

    [Fact]
    public async Task Wait_out_waits_and_saves_in_one_step()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("generations", "wait", id, "--out", "done");

        result.AssertExit(0);
        Assert.Equal(Path.Combine(cli.WorkingDirectory, "done", id + "_0.png"), result.Json!["files"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Against_the_simulator_the_first_poll_comes_when_it_says_the_job_is_ready_not_20_s_later()
    {
        var clock = new ManualTimeProvider();
        await using var cli = await CliHarness.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.QueuedFor = TimeSpan.FromSeconds(1);
            o.ProcessingFor = TimeSpan.FromSeconds(3);
        });
        // No per-attempt timer on the virtual clock: time may jump while a request is on its way.
        var run = cli.Start(["generate", "image", "a cat", "--request-timeout", "none"], new CliRunOptions { TimeProvider = clock });

        var result = await clock.RunUntilCompleteAsync(run.Completion, isBusy: () => cli.Server.Requests.Any(r => r.StatusCode is null && !r.ConnectionDropped));

        result.AssertExit(0);
        var create = cli.Server.Requests.First(r => r.RouteKind == RouteKind.Create);
        var firstPoll = cli.Server.Requests.First(r => r.RouteKind == RouteKind.Get);
        Assert.Equal(TimeSpan.FromSeconds(4), firstPoll.ReceivedAt - create.ReceivedAt);
        Assert.Single(cli.Server.Requests, r => r.RouteKind == RouteKind.Get);
    }

    [Fact]
    public async Task Simulator_timing_leaves_explicit_flags_and_other_servers_alone()
    {
        var given = new WaitOptions { PollInterval = TimeSpan.FromSeconds(3) };

        Assert.Same(given, Commands.SimulatorTiming.Adapt(given, readyIn: null, TimeSpan.Zero));
        var adapted = Commands.SimulatorTiming.Adapt(given, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(7), adapted.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), adapted.PollInterval);
        Assert.Equal(WaitOptions.MinPollInterval, Commands.SimulatorTiming.Adapt(new WaitOptions(), TimeSpan.Zero, TimeSpan.Zero).PollInterval);
        await Task.CompletedTask;
    }
}
