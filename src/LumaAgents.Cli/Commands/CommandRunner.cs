using System.CommandLine;

namespace LumaAgents.Cli.Commands;

/// <summary>Runs a command's work with the invocation's context, and turns any exception into an exit code and stderr lines.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, Invocation invocation, Func<CliContext, CancellationToken, Task<int>> work)
    {
        command.SetAction(async (parse, _) =>
        {
            CliContext? context = null;
            try
            {
                context = CliContext.Create(parse, invocation.Globals, invocation.Environment, invocation.Stop);
                return await work(context, invocation.Stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                var reporter = context?.Reporter() ?? CliContext.CreateReporter(parse, invocation.Globals, invocation.Environment, invocation.Stop);
                return reporter.Report(ex);
            }
        });
    }
}
