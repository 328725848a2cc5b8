using System.CommandLine;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Commands;

/// <summary>Runs a command's work with the invocation's context, and turns any exception into an exit code and stderr lines.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, GlobalOptions globals, CliEnvironment environment, Func<CliContext, CancellationToken, Task<int>> work)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var context = CliContext.Create(parse, globals, environment);
                return await work(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(ex, environment.Error, parse.GetValue(globals.Debug));
            }
        });
    }
}
