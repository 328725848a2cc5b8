namespace LumaAgents.Cli.Lifetime;

/// <summary>
/// Why the tool is asked to stop early: Ctrl+C (SIGINT, exit 130) or SIGTERM (exit 143). The first request wins and
/// cancels <see cref="Token"/>; the commands then stop waiting, say so, and name any generation they created.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _outer;
    private int _requested;

    /// <summary>A signal that an outside token (a host's cancellation) also triggers, as Ctrl+C.</summary>
    public StopSignal(CancellationToken outer = default)
    {
        _source = new CancellationTokenSource();
        _outer = outer.Register(static state => ((StopSignal)state!).Request(StopReason.Interrupt), this);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>What stopped the tool, or null while nothing has.</summary>
    public StopReason? Reason { get; private set; }

    /// <summary>Asks the tool to stop; later requests change nothing. Returns whether this one counted.</summary>
    public bool Request(StopReason reason)
    {
        if (Interlocked.Exchange(ref _requested, 1) != 0)
        {
            return false;
        }

        Reason = reason;
        _source.Cancel();
        return true;
    }

    public void Dispose()
    {
        _outer.Dispose();
        _source.Dispose();
    }
}

/// <summary>A reason to stop, with its exit code (128 + the signal number, the shell convention) and its words.</summary>
internal sealed record StopReason(int ExitCode, string Description)
{
    public static StopReason Interrupt { get; } = new(ExitCodes.Interrupted, "interrupted (Ctrl+C)");

    public static StopReason Terminate { get; } = new(ExitCodes.Terminated, "stopped by SIGTERM");
}
