using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Logging;

/// <summary>One category's logger of <see cref="StderrLoggerProvider"/>; levels are filtered by the logging builder.</summary>
internal sealed class StderrLogger : ILogger
{
    private readonly StderrLoggerProvider _provider;
    private readonly string _category;

    public StderrLogger(StderrLoggerProvider provider, string category)
    {
        _provider = provider;
        _category = category;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _provider.Write(logLevel, _category, formatter(state, exception), exception);
        }
    }
}
