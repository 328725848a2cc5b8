using LumaAgents.Cli.Lifetime;
using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary>
/// Issue 13, finding 3: a 429 no longer stalls in silence. The SDK's wait is announced on stderr with its kind and
/// seconds (from the SDK's structured log events), the spinner shows the elapsed time, and
/// <c>--max-wait-rate-limit</c>/<c>--no-wait-rate-limit</c> fail fast with exit 5. Runs in virtual time.
/// </summary>
public sealed class RateLimitVisibilityTests
{
    [Theory]
    [InlineData(false, "concurrent jobs", "60")]
    [InlineData(true, "concurrent jobs", "60")]
    [InlineData(false, "requests per minute", "")]
    public async Task A_rate_limit_wait_is_announced_with_its_kind_and_seconds(bool terminal, string kind, string seconds)
    {
        var clock = new ManualTimeProvider();
        await using var cli = await CliHarness.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.ProcessingFor = TimeSpan.FromMinutes(5);
            if (kind == "concurrent jobs")
            {
                o.MaxConcurrentJobs = 1;
            }
            else
            {
                o.RequestsPerMinute = 1;
            }
        });
        (await cli.RunAsync(["generations", "create", "--prompt", "the first"], new CliRunOptions { TimeProvider = clock })).AssertExit(0);

        var run = cli.Start(["generate", "image", "the second"], new CliRunOptions { TimeProvider = clock, ErrorIsTerminal = terminal });
        var stderr = await run.WaitForStderrAsync($"rate limited ({kind}): retrying in {seconds}");
        Assert.Contains("s (retry 1 of 2)", stderr);
        if (terminal)
        {
            // The SDK sleeps on the 429; the spinner's clock goes on.
            clock.Advance(TimeSpan.FromSeconds(5));
            await run.WaitForStderrAsync("(5.0 s)");
        }

        run.Stop(StopReason.Interrupt);
        (await run.Completion).AssertExit(ExitCodes.Interrupted);
    }

    [Theory]
    [InlineData("--max-wait-rate-limit", "10s")]
    [InlineData("--no-wait-rate-limit")]
    public async Task A_longer_wait_than_allowed_fails_fast_with_exit_5(params string[] flag)
    {
        var clock = new ManualTimeProvider();
        await using var cli = await CliHarness.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.ProcessingFor = TimeSpan.FromMinutes(5);
            o.MaxConcurrentJobs = 1;
        });
        (await cli.RunAsync(["generations", "create", "--prompt", "the first"], new CliRunOptions { TimeProvider = clock })).AssertExit(0);

        var result = await cli.RunAsync(["generate", "image", "the second", .. flag], new CliRunOptions { TimeProvider = clock });

        result.AssertExit(ExitCodes.RateLimited);
        Assert.Contains("error: 429 Too Many Requests: Too many concurrent jobs", result.Stderr);
        Assert.Contains("retry after 60 s, once one of your running generations has finished", result.Stderr);
        Assert.DoesNotContain("retrying in", result.Stderr);
        Assert.Single(cli.Server.Generations);
    }

    [Fact]
    public async Task The_two_fail_fast_flags_together_are_a_usage_error()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generate", "image", "a cat", "--no-wait-rate-limit", "--max-wait-rate-limit", "5s");

        result.AssertExit(ExitCodes.Validation);
        Assert.Empty(cli.Server.Requests);
    }
}
