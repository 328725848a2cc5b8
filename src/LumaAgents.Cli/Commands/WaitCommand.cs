using System.CommandLine;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary><c>luma generations wait &lt;id&gt;</c>: polls until completed or failed, with progress on stderr.</summary>
internal static class WaitCommand
{
    public static Command Build(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command(
            "wait",
            "Wait until a generation is completed or failed, and print it. Progress goes to stderr (a spinner on a terminal, "
            + "plain lines otherwise; --format jsonl also streams each state to stdout). Exits 6 if it failed, 7 on --timeout; "
            + "the job keeps running either way, so run wait again to resume.");
        var id = new GenerationIdInput();
        id.AddTo(command);
        var waitFlags = new WaitFlags();
        waitFlags.AddTo(command);
        CommandRunner.SetAction(command, globals, environment, async (context, cancellationToken) =>
        {
            var generationId = id.Read(context.Parse, "wait");
            var options = waitFlags.Read(context.Parse);
            using var session = context.Connect();
            var done = await new ProgressDisplay(context.Environment, context.Output).RunAsync(
                $"waiting for generation {generationId}",
                reporter => session.Generations.WaitForCompletionAsync(generationId, options, reporter, cancellationToken)).ConfigureAwait(false);
            return GenerationFlow.Finish(context, done);
        });
        return command;
    }
}
