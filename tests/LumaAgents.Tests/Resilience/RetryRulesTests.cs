using System.Net;
using FsCheck;
using FsCheck.Fluent;

namespace LumaAgents.Tests.Resilience;

/// <summary>The pure retry decision and delay math (ARCHITECTURE §4), without a network.</summary>
public sealed class RetryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetryOptions Defaults = new();

    public static TheoryData<string, string?, string?, double?> RetryAfterTable => new()
    {
        // name, Retry-After, retry-after-ms, expected delay in seconds (null = computed backoff)
        { "integer seconds", "7", null, 7 },
        { "fractional seconds", "1.5", null, 1.5 },
        { "milliseconds header", null, "250", 0.25 },
        { "fractional milliseconds", null, "12.5", 0.0125 },
        { "milliseconds win over seconds", "30", "500", 0.5 },
        { "HTTP date", Now.AddSeconds(12).ToString("r"), null, 12 },
        { "zero", "0", null, null },
        { "negative", "-5", null, null },
        { "past HTTP date", Now.AddSeconds(-30).ToString("r"), null, null },
        { "at the cap", "60", null, 60 },
        { "over the cap", "61", null, null },
        { "hours", "414000", null, null },
        { "garbage", "soon", null, null },
        { "empty", "", null, null },
        { "garbage milliseconds fall back to seconds", "3", "abc", 3 },
        { "NaN", "NaN", null, null },
    };

    [Theory]
    [MemberData(nameof(RetryAfterTable))]
    public void Retry_after_table_gives_the_documented_delay_or_backoff(string name, string? retryAfter, string? retryAfterMs, double? expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        if (retryAfterMs is not null)
        {
            response.Headers.TryAddWithoutValidation("retry-after-ms", retryAfterMs);
        }

        var hint = RetryAfterHeader.Read(response.Headers, Now);
        var delay = RetryRules.Delay(retryNumber: 0, hint, Defaults, random: 0);

        var expected = expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : Defaults.BaseDelay;
        Assert.True(Math.Abs((expected - delay).TotalMilliseconds) < 1, $"{name}: expected {expected}, got {delay}");
    }

    [Fact]
    public void Backoff_doubles_from_half_a_second_and_caps_at_eight()
    {
        var delays = Enumerable.Range(0, 8).Select(n => RetryRules.Delay(n, null, Defaults, random: 0).TotalSeconds).ToArray();

        Assert.Equal([0.5, 1, 2, 4, 8, 8, 8, 8], delays);
    }

    [Fact]
    public void Jitter_takes_at_most_a_quarter_off_and_never_adds()
    {
        Prop.ForAll(
                Gen.Choose(0, 40).ToArbitrary(),
                Gen.Choose(0, 999_999).Select(n => n / 1_000_000.0).ToArbitrary(),
                (retry, random) =>
                {
                    var full = RetryRules.Delay(retry, null, Defaults, 0);
                    var jittered = RetryRules.Delay(retry, null, Defaults, random);
                    return jittered <= full && jittered >= TimeSpan.FromTicks((long)(full.Ticks * 0.75)) && full <= Defaults.MaxDelay;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_hostile_retry_after_never_throws()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<NonNull<string>>(),
                text =>
                {
                    using var response = new HttpResponseMessage();
                    response.Headers.TryAddWithoutValidation("Retry-After", text.Get);
                    response.Headers.TryAddWithoutValidation("retry-after-ms", text.Get);
                    var delay = RetryRules.Delay(0, RetryAfterHeader.Read(response.Headers, Now), Defaults, 0.5);
                    return delay > TimeSpan.Zero && delay <= Defaults.MaxServerDelay;
                })
            .QuickCheckThrowOnFailure();
    }

    public static TheoryData<string, int?, string, bool, bool> DecisionTable => new()
    {
        // name, status, failure, isCreate, expected
        { "GET 408", 408, "None", false, true },
        { "GET 409", 409, "None", false, true },
        { "GET 429", 429, "None", false, true },
        { "GET 500", 500, "None", false, true },
        { "GET 502", 502, "None", false, true },
        { "GET 503", 503, "None", false, true },
        { "GET 504", 504, "None", false, true },
        { "GET connect failure", null, "ConnectFailed", false, true },
        { "GET broken connection", null, "Broken", false, true },
        { "GET timeout", null, "TimedOut", false, true },
        { "GET 400", 400, "None", false, false },
        { "GET 401", 401, "None", false, false },
        { "GET 404", 404, "None", false, false },
        { "GET 422", 422, "None", false, false },
        { "GET 200", 200, "None", false, false },
        { "POST 429", 429, "None", true, true },
        { "POST 502", 502, "None", true, true },
        { "POST 503", 503, "None", true, true },
        { "POST connect failure", null, "ConnectFailed", true, true },
        { "POST 500", 500, "None", true, false },
        { "POST 504", 504, "None", true, false },
        { "POST 408", 408, "None", true, false },
        { "POST timeout", null, "TimedOut", true, false },
        { "POST broken after send", null, "Broken", true, false },
        { "POST 201", 201, "None", true, false },
    };

    [Theory]
    [MemberData(nameof(DecisionTable))]
    public void Decision_table(string name, int? status, string failure, bool isCreate, bool expected)
        => Assert.True(
            expected == RetryRules.ShouldRetry(status, Enum.Parse<AttemptFailure>(failure), null, null, isCreate, retriesSoFar: 0, maxRetries: 2, Defaults),
            name);

    [Theory]
    [InlineData(500)]
    [InlineData(504)]
    [InlineData(null)]
    public void Uncertain_creates_are_retried_only_when_opted_in(int? status)
    {
        var optedIn = new RetryOptions { RetryUncertainPosts = true };
        var failure = status is null ? AttemptFailure.TimedOut : AttemptFailure.None;

        Assert.True(RetryRules.ShouldRetry(status, failure, null, null, isCreate: true, 0, 2, optedIn));
        Assert.False(RetryRules.ShouldRetry(status, failure, null, null, isCreate: true, 0, 2, Defaults));
    }

    [Fact]
    public void X_should_retry_overrides_the_status_table()
    {
        Assert.True(RetryRules.ShouldRetry(500, AttemptFailure.None, "true", null, isCreate: true, 0, 2, Defaults));
        Assert.True(RetryRules.ShouldRetry(400, AttemptFailure.None, "TRUE", null, isCreate: false, 0, 2, Defaults));
        Assert.False(RetryRules.ShouldRetry(503, AttemptFailure.None, "false", null, isCreate: false, 0, 2, Defaults));
        Assert.True(RetryRules.ShouldRetry(503, AttemptFailure.None, "maybe", null, isCreate: false, 0, 2, Defaults));
    }

    [Fact]
    public void The_budget_is_respected_even_when_the_server_says_retry()
    {
        Assert.False(RetryRules.ShouldRetry(503, AttemptFailure.None, "true", null, false, retriesSoFar: 2, maxRetries: 2, Defaults));
        Assert.False(RetryRules.ShouldRetry(503, AttemptFailure.None, null, null, false, retriesSoFar: 0, maxRetries: 0, Defaults));
    }

    [Fact]
    public void A_429_demanding_more_than_the_cap_is_surfaced_not_slept_on()
    {
        Assert.False(RetryRules.ShouldRetry(429, AttemptFailure.None, null, TimeSpan.FromSeconds(61), false, 0, 2, Defaults));
        Assert.False(RetryRules.ShouldRetry(429, AttemptFailure.None, "true", TimeSpan.FromHours(114), false, 0, 2, Defaults));
        Assert.True(RetryRules.ShouldRetry(429, AttemptFailure.None, null, TimeSpan.FromSeconds(60), false, 0, 2, Defaults));
    }
}
