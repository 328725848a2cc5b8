using System.Text.RegularExpressions;
using LumaAgents.Cli.Lifetime;
using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary>
/// Issue 13, findings 4 and 5: every path that has created a generation prints its id on a line that stays, with the
/// exact command that resumes it; <c>--out</c> is checked before anything is created; a failed save still prints the job.
/// </summary>
public sealed partial class BilledJobTests
{
    private static readonly string[] Fast = ["--initial-delay", "0", "--poll-interval", "0.5s"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ctrl_c_during_generate_prints_the_real_id_and_the_resume_command(bool terminal)
    {
        await using var cli = await CliHarness.StartAsync(o => o.ProcessingFor = TimeSpan.FromHours(1));
        var run = cli.Start(["generate", "image", "a slow cat", "--out", "pictures"], new CliRunOptions { ErrorIsTerminal = terminal });
        var stderr = await run.WaitForStderrAsync("created generation ");
        var id = CreatedId().Match(stderr).Groups[1].Value;

        run.Stop(StopReason.Interrupt);
        var result = await run.Completion;

        result.AssertExit(ExitCodes.Interrupted);
        Assert.Contains("error: interrupted (Ctrl+C)", result.Stderr);
        Assert.Contains($"generation {id} was created and keeps running on the server; resume with: luma generations wait {id} --out pictures", result.Stderr);
        Assert.DoesNotContain("<id>", result.Stderr);
    }

    [Fact]
    public async Task Sigterm_during_a_wait_exits_143_and_names_the_generation()
    {
        await using var cli = await CliHarness.StartAsync(o => o.ProcessingFor = TimeSpan.FromHours(1));
        var run = cli.Start(["generations", "create", "--prompt", "a slow cat", "--wait"]);
        var id = CreatedId().Match(await run.WaitForStderrAsync("created generation ")).Groups[1].Value;

        run.Stop(StopReason.Terminate);
        var result = await run.Completion;

        result.AssertExit(ExitCodes.Terminated);
        Assert.Contains("error: stopped by SIGTERM", result.Stderr);
        Assert.Contains($"resume with: luma generations wait {id}", result.Stderr);
    }

    [Fact]
    public async Task A_wait_timeout_names_the_exact_resume_command_once()
    {
        await using var cli = await CliHarness.StartAsync(o => o.ProcessingFor = TimeSpan.FromHours(1));

        var result = await cli.RunAsync(["generate", "image", "a slow cat", "--out", "my pictures", "--timeout", "1s", .. Fast]);

        result.AssertExit(ExitCodes.Timeout);
        var id = CreatedId().Match(result.Stderr).Groups[1].Value;
        Assert.Contains($"resume with: luma generations wait {id} --out 'my pictures'", result.Stderr);
        Assert.Single(Regex.Matches(result.Stderr, "resume with:"));
    }

    [Fact]
    public async Task Out_naming_an_existing_file_is_refused_before_the_create()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("taken.png", "not a folder");

        var result = await cli.RunAsync(["generate", "image", "a cat", "--out", "taken.png", .. Fast]);

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("is a file, not a folder (nothing was sent)", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task Out_inside_a_file_is_refused_before_the_create()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("taken", "not a folder");

        var result = await cli.RunAsync(["generate", "image", "a cat", "--out", "taken/inner", .. Fast]);

        result.AssertExit(ExitCodes.Validation);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task A_failed_save_still_prints_the_generation_and_how_to_download_it_later()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.Server.Faults.Add(FakeRoute.Download, FakeFault.Respond(500, "storage is down"), times: 20);

        var result = await cli.RunAsync(["generate", "image", "a cat", "--out", "out", .. Fast]);

        result.AssertExit(ExitCodes.Failure);
        var generation = result.Json!;
        var id = generation["id"]!.GetValue<string>();
        Assert.Equal("completed", generation["state"]!.GetValue<string>());
        Assert.Contains($"resume with: luma generations download {id} --out out", result.Stderr);
        Assert.Contains($"created generation {id}", result.Stderr);
    }

    [GeneratedRegex("created generation ([0-9a-f-]{36})")]
    private static partial Regex CreatedId();
}
