using System.CommandLine;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary><c>luma generations get &lt;id&gt;</c>: one read (GET /generations/{id}); fresh output URLs each time.</summary>
internal static class GetCommand
{
    public static Command Build(Invocation invocation)
    {
        var command = new Command("get", "Read a generation (GET /generations/{id}). Each read mints fresh output URLs.");
        var id = IdInput.Generation();
        id.AddTo(command);
        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var generationId = id.Read(context.Parse, "get");
            using var session = context.Connect();
            var generation = await session.Generations.GetAsync(generationId, cancellationToken).ConfigureAwait(false);
            context.Output.WriteResult(GenerationDocument.From(generation));
            return ExitCodes.Success;
        });
        return command;
    }
}
