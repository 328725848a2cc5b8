namespace LumaAgents.Cli;

/// <summary>The process entry point: the real console, Ctrl+C as cancellation, and the exit code.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C cancels the wait cleanly (exit 130); a second one kills the process as usual.
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };
        return await LumaCli.RunAsync(args, CliEnvironment.FromConsole(), cancellation.Token).ConfigureAwait(false);
    }
}
