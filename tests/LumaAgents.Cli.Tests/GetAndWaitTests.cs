using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary><c>luma generations get</c> and <c>wait</c>: ids as argument or option, progress, and an exit code per outcome.</summary>
public sealed class GetAndWaitTests
{
    [Fact]
    public async Task Get_reads_a_generation_by_argument_or_option()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var byArgument = await cli.RunAsync("generations", "get", id);
        var byOption = await cli.RunAsync("generations", "get", "--generation-id", id);

        byArgument.AssertExit(0);
        byOption.AssertExit(0);
        Assert.Equal(id, byArgument.Json!["id"]!.GetValue<string>());
        Assert.Equal("completed", byOption.Json!["state"]!.GetValue<string>());
        Assert.All(cli.Server.Requests, r => Assert.Equal(RouteKind.Get, r.RouteKind));
    }

    [Fact]
    public async Task Get_of_an_unknown_id_exits_4_with_the_status_line_and_request_id()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", Guid.NewGuid().ToString());

        result.AssertExit(ExitCodes.NotFound);
        var requestId = cli.Server.Requests.Single().RequestId;
        Assert.StartsWith($"error: 404 Not Found: {FakeLumaServerDetails.GenerationNotFound} (request id {requestId})", result.Stderr);
        Assert.Contains("hint: ", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Get_without_an_id_is_a_usage_error()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("a generation id is required", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task A_malformed_id_is_refused_before_any_request()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "get", "../etc");

        result.AssertExit(ExitCodes.Validation);
        Assert.DoesNotContain("(Parameter", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task Wait_prints_plain_state_lines_on_stderr_and_the_result_on_stdout()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(FakeOutcome.Completed(TimeSpan.Zero, TimeSpan.FromMilliseconds(300)));

        var result = await cli.RunAsync("generations", "wait", id, "--initial-delay", "0", "--poll-interval", "0.5s");

        result.AssertExit(0);
        Assert.Equal("completed", result.Json!["state"]!.GetValue<string>());
        Assert.Contains($"generation {id}: processing", result.Stderr);
        Assert.Contains($"generation {id}: completed", result.Stderr);
    }

    [Fact]
    public async Task Wait_on_a_terminal_shows_a_live_status_and_a_final_line()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync(["generations", "wait", id], new CliRunOptions { ErrorIsTerminal = true });

        result.AssertExit(0);
        Assert.Contains("\u001b[", result.Stderr);
        Assert.Contains($"generation {id}: completed", result.Stderr);
        Assert.Equal(id, result.Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Jsonl_streams_each_state_change()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(FakeOutcome.Completed(TimeSpan.Zero, TimeSpan.FromMilliseconds(300)));

        var result = await cli.RunAsync("generations", "wait", id, "--initial-delay", "0", "--poll-interval", "0.5s", "--format", "jsonl");

        result.AssertExit(0);
        var states = result.JsonLines.Select(line => line!["state"]!.GetValue<string>()).ToList();
        Assert.Equal(["processing", "completed"], states);
    }

    [Fact]
    public async Task A_failed_generation_exits_6_with_its_failure_code_on_stderr()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(FakeOutcome.InState("failed", "budget_exhausted", "The balance ran out"));

        var result = await cli.RunAsync("generations", "wait", id);

        result.AssertExit(ExitCodes.GenerationFailed);
        Assert.Contains($"error: generation {id} failed: budget_exhausted: The balance ran out", result.Stderr);
        Assert.Contains("add funds to the account before submitting again", result.Stderr);
        Assert.Equal("failed", result.Json!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failure_code_the_tool_does_not_know_gets_no_claim_about_retrying()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(FakeOutcome.InState("failed", "server_error", "Something broke"));

        var result = await cli.RunAsync("generations", "wait", id);

        result.AssertExit(ExitCodes.GenerationFailed);
        Assert.Contains("does not know the failure code 'server_error'", result.Stderr);
        Assert.DoesNotContain("will not help", result.Stderr);
        Assert.DoesNotContain("may succeed", result.Stderr);
    }

    [Fact]
    public async Task A_wait_past_its_timeout_exits_7_and_says_how_to_resume()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration(FakeOutcome.InState("processing"));

        var result = await cli.RunAsync("generations", "wait", id, "--timeout", "0.6s", "--poll-interval", "0.5s");

        result.AssertExit(ExitCodes.Timeout);
        Assert.Contains($"error: generation {id} is still processing", result.Stderr);
        Assert.Contains($"luma generations wait {id}", result.Stderr);
    }

    [Fact]
    public async Task A_bad_duration_is_a_usage_error()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "wait", Guid.NewGuid().ToString(), "--timeout", "soon");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("--timeout: 'soon' is not a duration", result.Stderr);
    }
}
