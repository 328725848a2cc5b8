using System.Globalization;
using LumaAgents.Cli.Output;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Cli.Http;

/// <summary>
/// Makes the SDK's silent waits visible: reads the structured state of its log events (not their text) and writes
/// one line per wait through <see cref="Notices"/>, such as <c>rate limited (concurrent jobs): retrying in 60 s</c>.
/// Events: 14 <c>HoldingCreate</c> {WaitMs}, before a create is held for the requests-per-minute window;
/// 11 <c>RateLimited</c> {Kind, RetryAfterMs}, when a 429 arrives; 10 <c>Retrying</c> {Method, Path, DelayMs, Outcome,
/// Retry, MaxRetries}, before each retry sleep.
/// </summary>
internal sealed class WaitNoticeLogger : ILoggerFactory, ILogger
{
    internal const string SdkCategory = "LumaAgents";
    internal const int RetryingEvent = 10;
    internal const int RateLimitedEvent = 11;
    internal const int HoldingCreateEvent = 14;

    private readonly Notices _notices;
    private RateLimitKind _lastKind;

    public WaitNoticeLogger(Notices notices) => _notices = notices;

    public ILogger CreateLogger(string categoryName)
        => categoryName == SdkCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void AddProvider(ILoggerProvider provider)
    {
        // The tool decides what it shows; nothing else is plugged in.
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        switch (eventId.Id)
        {
            case HoldingCreateEvent:
                var waitMs = Number(values, "WaitMs");
                _notices.Write(waitMs < 0
                    ? "rate limited (requests per minute): holding the create until a create in flight is answered"
                    : $"rate limited (requests per minute): holding the create for {Seconds(waitMs)} s until the window has room");
                break;
            case RateLimitedEvent:
                _lastKind = Get(values, "Kind") is RateLimitKind kind ? kind : RateLimitKind.Unknown;
                break;
            case RetryingEvent:
                var delay = Seconds(Number(values, "DelayMs"));
                var retry = $"(retry {Get(values, "Retry")} of {Get(values, "MaxRetries")})";
                var outcome = Get(values, "Outcome") as string;
                _notices.Write(outcome == "429"
                    ? $"rate limited ({Words(_lastKind)}): retrying in {delay} s {retry}"
                    : $"{Get(values, "Method")} {Get(values, "Path")} failed ({Outcome(outcome)}): retrying in {delay} s {retry}");
                break;
        }
    }

    public void Dispose()
    {
        // Nothing to release.
    }

    internal static string Words(RateLimitKind kind) => kind switch
    {
        RateLimitKind.ConcurrentJobs => "concurrent jobs",
        RateLimitKind.RequestsPerMinute => "requests per minute",
        _ => "too many requests",
    };

    private static string Outcome(string? outcome) => outcome switch
    {
        "connect_failed" => "could not connect",
        "timeout" => "timed out",
        "connection_broken" => "connection broken",
        null => "unknown",
        _ => "HTTP " + outcome,
    };

    private static object? Get(IReadOnlyList<KeyValuePair<string, object?>> values, string key)
    {
        foreach (var (name, value) in values)
        {
            if (name == key)
            {
                return value;
            }
        }

        return null;
    }

    private static double Number(IReadOnlyList<KeyValuePair<string, object?>> values, string key)
        => Get(values, key) switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            _ => 0,
        };

    /// <summary>Whole seconds, rounded up: "retrying in 60 s", never "in 0 s" for a short wait.</summary>
    private static string Seconds(double milliseconds)
        => Math.Max(1, Math.Ceiling(milliseconds / 1000)).ToString("0", CultureInfo.InvariantCulture);
}
