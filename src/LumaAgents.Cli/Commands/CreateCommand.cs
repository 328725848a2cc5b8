using System.CommandLine;
using LumaAgents.Cli.Input;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary><c>luma generations create</c>: a flag for every request field, a body from a file or stdin, optionally <c>--wait</c>.</summary>
internal static class CreateCommand
{
    public static Command Build(Invocation invocation)
    {
        var command = new Command(
            "create",
            "Start a generation (POST /generations) and print it (state queued).\n"
            + RequestOptionSet.Precedence(readsPipedInput: true) + "\n" + ImageRefSyntax.Help + "\n"
            + "Example: luma generations create --prompt 'a fox' --aspect-ratio 16:9 --image-ref @fox.png");
        var request = new RequestOptionSet(includePrompt: true);
        request.AddTo(command);
        var wait = new Option<bool>("--wait") { Description = "Wait until the generation is completed or failed, and print that." };
        command.Options.Add(wait);
        var waitFlags = new WaitFlags();
        waitFlags.AddTo(command);

        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var validate = !parse.GetValue(request.NoValidate);
            var inputs = request.Inputs(parse, readPipedInput: true);
            var generationRequest = GenerationFlow.BuildRequest(context, inputs);
            if (parse.GetValue(request.DryRun))
            {
                return GenerationFlow.DryRun(context, generationRequest, validate, inputs.Uploads);
            }

            var waitOptions = waitFlags.Read(parse);
            using var session = context.Connect(validate);
            generationRequest = await inputs.Uploads.UploadAsync(context, session, generationRequest, validate, cancellationToken).ConfigureAwait(false);
            Func<string, string> resume = id => $"luma generations wait {id}";
            if (!parse.GetValue(wait))
            {
                var (created, _) = await GenerationFlow.CreateAsync(context, session, generationRequest, resume, cancellationToken).ConfigureAwait(false);
                context.Jobs.Done();
                context.Output.WriteResult(GenerationDocument.From(created));
                return ExitCodes.Success;
            }

            var done = await GenerationFlow.CreateAndWaitAsync(context, session, generationRequest, resume, waitOptions, "creating the generation", cancellationToken).ConfigureAwait(false);
            return GenerationFlow.Finish(context, done);
        });
        return command;
    }
}
