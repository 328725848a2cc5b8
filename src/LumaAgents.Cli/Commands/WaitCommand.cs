using System.CommandLine;

namespace LumaAgents.Cli.Commands;

/// <summary><c>luma generations wait &lt;id&gt; [--out DIR]</c>: polls until completed or failed, with progress on stderr; saves with <c>--out</c>.</summary>
internal static class WaitCommand
{
    public static Command Build(Invocation invocation)
    {
        var command = new Command(
            "wait",
            "Wait until a generation is completed or failed, and print it (with --out, save its outputs too). Progress goes to "
            + "stderr (a spinner on a terminal, plain lines otherwise; --format jsonl also streams each state to stdout). Exits 6 "
            + "if it failed, 7 on --timeout; the job keeps running either way, so run wait again to resume.");
        var id = IdInput.Generation();
        id.AddTo(command);
        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "Also save the outputs in this folder once completed (created if missing), named <id>_<n>.<ext>.",
            HelpName = "dir",
        };
        command.Options.Add(outDirectory);
        var waitFlags = new WaitFlags();
        waitFlags.AddTo(command);
        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var generationId = id.Read(context.Parse, "wait");
            var folder = context.Parse.GetValue(outDirectory) is { } typed ? OutputFolder.Check(context.Environment, typed) : null;
            var options = waitFlags.Read(context.Parse);
            using var session = context.Connect();
            context.Jobs.Track(generationId, $"luma generations wait {generationId}" + (folder is null ? string.Empty : " " + folder.Flag));
            var (known, adapted) = await GenerationFlow.ReadForWaitAsync(context, session, generationId, options, cancellationToken).ConfigureAwait(false);
            var done = await GenerationFlow.WaitAsync(context, session, known, adapted, cancellationToken).ConfigureAwait(false);
            if (folder is null || !done.IsCompleted)
            {
                return GenerationFlow.Finish(context, done);
            }

            var files = await GenerationFlow.SaveAsync(context, session, done, folder, index: null, cancellationToken).ConfigureAwait(false);
            return GenerationFlow.Finish(context, done, files);
        });
        return command;
    }
}
