using System.Runtime.InteropServices;
using LumaAgents.Cli.Lifetime;

namespace LumaAgents.Cli;

/// <summary>The process entry point: the real console, Ctrl+C and SIGTERM as a clean stop, and the exit code.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new StopSignal();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the wait cleanly (exit 130, the created job's id on screen); a second one kills
            // the process as usual.
            if (stop.Request(StopReason.Interrupt))
            {
                e.Cancel = true;
            }
        };

        // SIGTERM (kill, a service manager, a CI timeout): the same clean stop, exit 143, so the id is not lost.
        using var terminate = OnSigterm(stop);
        return await LumaCli.RunAsync(args, CliEnvironment.FromConsole(), stop).ConfigureAwait(false);
    }

    private static PosixSignalRegistration? OnSigterm(StopSignal stop)
    {
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                if (stop.Request(StopReason.Terminate))
                {
                    context.Cancel = true;
                }
            });
        }
        catch (PlatformNotSupportedException)
        {
            // A platform without SIGTERM: nothing to handle.
            return null;
        }
    }
}
