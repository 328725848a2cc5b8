using System.CommandLine;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// <c>luma generations download &lt;id&gt; [--out DIR] [--index N]</c>: saves the outputs of an existing generation. It
/// reads the generation first, so the URLs are fresh (they expire an hour after each read); the files get the same
/// safe names as <c>generate</c> gives them.
/// </summary>
internal static class DownloadCommand
{
    public static Command Build(Invocation invocation)
    {
        var command = new Command(
            "download",
            "Save the outputs of a completed generation (GET /generations/{id} for fresh URLs, then the files), named <id>_<n>.<ext> "
            + "and never overwriting a file, and print the generation with a files list. For a generation still running, use "
            + "`luma generations wait <id> --out DIR`.");
        var id = IdInput.Generation();
        id.AddTo(command);
        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "The folder to save in, created if missing (default: the current folder).",
            HelpName = "dir",
        };
        command.Options.Add(outDirectory);
        var index = new Option<int?>("--index")
        {
            Description = "Save only this output (0 for the first); default: all of them.",
            HelpName = "n",
        };
        command.Options.Add(index);
        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var generationId = id.Read(context.Parse, "download");
            var folder = OutputFolder.Check(context.Environment, context.Parse.GetValue(outDirectory));
            var only = context.Parse.GetValue(index);
            using var session = context.Connect();
            var generation = await session.Generations.GetAsync(generationId, cancellationToken).ConfigureAwait(false);
            if (generation.IsFailed)
            {
                return GenerationFlow.Finish(context, generation);
            }

            if (!generation.IsCompleted)
            {
                throw new CliException(
                    $"generation {generation.Id} is {generation.State.Value}: there is nothing to download yet.",
                    $"wait for it and save in one step: luma generations wait {generation.Id} {folder.Flag}",
                    ExitCodes.Failure);
            }

            var files = await GenerationFlow.SaveAsync(context, session, generation, folder, only, cancellationToken).ConfigureAwait(false);
            return GenerationFlow.Finish(context, generation, files);
        });
        return command;
    }
}
