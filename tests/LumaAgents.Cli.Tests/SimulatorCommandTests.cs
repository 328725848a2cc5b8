using System.Text.RegularExpressions;
using LumaAgents.Cli.Lifetime;
using LumaAgents.Cli.Tests.Support;

namespace LumaAgents.Cli.Tests;

/// <summary><c>luma simulator</c>'s options, in-process (the process-level behaviour is in <see cref="SimulatorProcessTests"/>).</summary>
public sealed partial class SimulatorCommandTests
{
    [Fact]
    public async Task Fail_rate_one_fails_every_generation_with_generation_failed()
    {
        await using var cli = CliHarness.Offline();
        var simulator = cli.Start(["simulator", "--fail-rate", "100%", "--queued", "0s", "--processing", "0s"]);
        var exports = Exports(await simulator.WaitForStdoutAsync("LUMA_AGENTS_API_KEY="));

        var result = await cli.RunAsync(["generate", "image", "a cat"], new CliRunOptions { Variables = exports });

        simulator.Stop(StopReason.Interrupt);
        (await simulator.Completion).AssertExit(0);
        result.AssertExit(ExitCodes.GenerationFailed);
        Assert.Contains("failed: generation_failed", result.Stderr);
    }

    [Fact]
    public async Task Rpm_limits_creates_like_the_api_and_fail_fast_exits_5()
    {
        await using var cli = CliHarness.Offline();
        var simulator = cli.Start(["simulator", "--rpm", "1"]);
        var exports = Exports(await simulator.WaitForStdoutAsync("LUMA_AGENTS_API_KEY="));

        var first = await cli.RunAsync(["generations", "create", "--prompt", "one"], new CliRunOptions { Variables = exports });
        var second = await cli.RunAsync(["generations", "create", "--prompt", "two", "--no-wait-rate-limit"], new CliRunOptions { Variables = exports });

        simulator.Stop(StopReason.Terminate);
        (await simulator.Completion).AssertExit(0);
        first.AssertExit(0);
        second.AssertExit(ExitCodes.RateLimited);
        Assert.Contains("429 Too Many Requests: Rate limit exceeded", second.Stderr);
        Assert.Contains("POST /v1/generations answered 429", simulator.Stderr);
    }

    [Theory]
    [InlineData("--fail-rate", "1.5")]
    [InlineData("--fail-rate", "lots")]
    [InlineData("--rpm", "0")]
    [InlineData("--processing", "soon")]
    [InlineData("--port", "70000")]
    public async Task Bad_option_values_are_usage_errors(string option, string value)
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("simulator", option, value);

        result.AssertExit(ExitCodes.Validation);
        Assert.Equal(string.Empty, result.Stdout);
    }

    private static Dictionary<string, string> Exports(string stdout)
        => ExportLine().Matches(stdout).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    [GeneratedRegex("^export (LUMA_[A-Z_]+)=(.+)$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
