using Spectre.Console;

namespace LumaAgents.Cli.Output;

/// <summary>
/// Lines on standard error that must stay on the screen: the id of a created generation, a rate-limit wait, a retry.
/// While a live spinner runs they are printed above it through its console (a plain write would be drawn over);
/// otherwise they are plain lines.
/// </summary>
internal sealed class Notices
{
    private readonly TextWriter _error;
    private readonly object _gate = new();
    private IAnsiConsole? _live;

    public Notices(TextWriter error) => _error = error;

    /// <summary>Raised after a line is written (the progress display shows rate-limit waits in its status).</summary>
    public event Action<string>? Wrote;

    public void Write(string line)
    {
        lock (_gate)
        {
            if (_live is { } console)
            {
                console.MarkupLine(Markup.Escape(line));
            }
            else
            {
                _error.WriteLine(line);
            }
        }

        Wrote?.Invoke(line);
    }

    /// <summary>Routes lines through a live display's console until the returned scope ends.</summary>
    public IDisposable Attach(IAnsiConsole console)
    {
        lock (_gate)
        {
            _live = console;
        }

        return new Detach(this);
    }

    private sealed class Detach(Notices owner) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._live = null;
            }
        }
    }
}
