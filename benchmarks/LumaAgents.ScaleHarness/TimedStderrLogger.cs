using Microsoft.Extensions.Logging;

namespace LumaAgents.ScaleHarness;

/// <summary>A fleet worker's log on stderr, each line stamped with the simulated second and the worker (LUMA_FLEET_LOG=debug|info).</summary>
internal sealed class TimedStderrLogger(TimeProvider time, DateTimeOffset epoch, string worker, LogLevel minimum) : ILogger, ILoggerFactory
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.Error.WriteLine(FormattableString.Invariant($"{(time.GetUtcNow() - epoch).TotalSeconds,8:0.000} w{worker} {eventId.Id,3} {formatter(state, exception)}"));
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
