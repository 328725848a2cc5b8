using LumaAgents.Mcp.Safety;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Logging;

/// <summary>
/// Writes every log line to standard error (standard output carries the MCP protocol and nothing else), one line per
/// entry, through the <see cref="SecretScrubber"/>. Our own rather than the console logger: that one can be
/// configured to stdout, writes on a background queue, and has no hook to scrub a line before it is written.
/// </summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _writer;
    private readonly SecretScrubber _scrubber;
    private readonly Lock _gate = new();

    public StderrLoggerProvider(TextWriter writer, SecretScrubber scrubber)
    {
        _writer = writer;
        _scrubber = scrubber;
    }

    public ILogger CreateLogger(string categoryName) => new StderrLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {Label(level)} {category}: {message}";
        if (exception is not null)
        {
            // Type and message only: a stack trace helps nobody who reads an MCP host's log, and could carry data.
            line += $" ({exception.GetType().Name}: {exception.Message})";
        }

        line = _scrubber.ScrubForLog(line.ReplaceLineEndings(" "));
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
