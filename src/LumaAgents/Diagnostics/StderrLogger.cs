using Microsoft.Extensions.Logging;

namespace LumaAgents.Diagnostics;

/// <summary>
/// The SDK's log lines on standard error, for <c>LUMA_LOG</c> without a logger factory (as the official SDKs do). Our
/// own rather than Microsoft.Extensions.Logging.Console: a dependency and a background thread for a few lines is too much.
/// </summary>
internal sealed class StderrLogger : ILogger
{
    private static readonly object Gate = new();
    private readonly LogLevel _minimum;

    public StderrLogger(LogLevel minimum) => _minimum = minimum;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = "[LumaAgents] " + Name(logLevel) + ": " + formatter(state, exception) + (exception is null ? string.Empty : " (" + exception.GetType().Name + ": " + exception.Message + ")");
        lock (Gate)
        {
            Console.Error.WriteLine(line);
        }
    }

    private static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };
}
