using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Redis.Tests.Support;

/// <summary>Keeps every log entry with its level and event id.</summary>
public sealed class CapturingLogger : ILogger, ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, int EventId, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, int EventId, string Text)> Entries => _entries.ToArray();

    public string AllText => string.Join("\n", _entries.Select(e => $"{e.Level} {e.EventId}: {e.Text}"));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _entries.Enqueue((logLevel, eventId.Id, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("A capturing logger takes no providers.");

    public void Dispose()
    {
    }
}
