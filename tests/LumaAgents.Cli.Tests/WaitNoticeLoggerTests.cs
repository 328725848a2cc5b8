using LumaAgents.Cli.Http;
using LumaAgents.Cli.Output;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Cli.Tests;

/// <summary>The notices built from the SDK's structured log events (state keys, not message text).</summary>
public sealed class WaitNoticeLoggerTests
{
    [Theory]
    [InlineData(12_000.0, "rate limited (requests per minute): holding the create for 12 s until the window has room")]
    [InlineData(300.0, "rate limited (requests per minute): holding the create for 1 s until the window has room")]
    [InlineData(-1.0, "rate limited (requests per minute): holding the create until a create in flight is answered")]
    public void A_held_create_is_announced_before_the_hold(double waitMs, string expected)
    {
        var (logger, error) = Create();

        logger.CreateLogger("LumaAgents").Log(LogLevel.Information, new EventId(14, "HoldingCreate"), State(("WaitMs", waitMs)), null, (_, _) => "ignored text");

        Assert.Equal(expected, error.ToString().Trim());
    }

    [Fact]
    public void A_retry_after_a_429_names_the_kind_the_429_reported()
    {
        var (logger, error) = Create();
        var sdk = logger.CreateLogger("LumaAgents");

        sdk.Log(LogLevel.Warning, new EventId(11, "RateLimited"), State(("Kind", RateLimitKind.ConcurrentJobs), ("RetryAfterMs", 60_000.0)), null, (_, _) => string.Empty);
        sdk.Log(LogLevel.Information, new EventId(10, "Retrying"), State(("Method", "POST"), ("Path", "/v1/generations"), ("DelayMs", 60_000.0), ("Outcome", "429"), ("Retry", 1), ("MaxRetries", 2)), null, (_, _) => string.Empty);
        sdk.Log(LogLevel.Information, new EventId(10, "Retrying"), State(("Method", "GET"), ("Path", "/v1/generations/x"), ("DelayMs", 500.0), ("Outcome", "503"), ("Retry", 1), ("MaxRetries", 2)), null, (_, _) => string.Empty);

        Assert.Equal(
            ["rate limited (concurrent jobs): retrying in 60 s (retry 1 of 2)", "GET /v1/generations/x failed (HTTP 503): retrying in 1 s (retry 1 of 2)"],
            error.ToString().Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Other_categories_and_events_print_nothing()
    {
        var (logger, error) = Create();

        logger.CreateLogger("Other").Log(LogLevel.Warning, new EventId(14), State(("WaitMs", 1.0)), null, (_, _) => "x");
        logger.CreateLogger("LumaAgents").Log(LogLevel.Information, new EventId(21, "StateChanged"), State(("State", "completed")), null, (_, _) => "x");

        Assert.Equal(string.Empty, error.ToString());
    }

    private static (WaitNoticeLogger Logger, StringWriter Error) Create()
    {
        var error = new StringWriter();
        return (new WaitNoticeLogger(new Notices(error)), error);
    }

    private static IReadOnlyList<KeyValuePair<string, object?>> State(params (string Key, object? Value)[] values)
        => [.. values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value))];
}
