using System.CommandLine;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Input;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// <c>luma generate image|video "prompt"</c>: create, wait with progress, save the outputs, print the generation
/// with a <c>files</c> list. Every flag of <c>generations create</c> works here too. The prompt is one argument:
/// anything else on the line must be a known option, or nothing is sent.
/// </summary>
internal static class GenerateCommand
{
    public static Command Build(Invocation invocation)
    {
        var command = new Command("generate", "Create a generation, wait for it with progress, and save its outputs.");
        command.Subcommands.Add(BuildKind(
            "image",
            "Generate an image (type image, model uni-1 unless --type/--model say otherwise) and save it.\nExample: luma generate image \"a lighthouse at dawn\" --aspect-ratio 16:9 --out pictures",
            new JsonObject { ["type"] = "image" },
            invocation));
        command.Subcommands.Add(BuildKind(
            "video",
            "Generate a video (type video, model ray-3.2 unless --type/--model say otherwise) and save it.\nExample: luma generate video \"waves at sunset\" --video.duration 5s --video.resolution 1080p",
            new JsonObject { ["type"] = "video", ["model"] = "ray-3.2" },
            invocation));
        return command;
    }

    private static Command BuildKind(string name, string description, JsonObject defaults, Invocation invocation)
    {
        var command = new Command(name, description + "\n" + RequestOptionSet.Precedence(readsPipedInput: false) + "\n" + ImageRefSyntax.Help);
        var prompt = new Argument<string>("prompt")
        {
            Description = $"What to generate, as one argument (quote it; up to {GenerationLimits.MaxPromptLength} characters). @file reads it from a file, @@ starts it with a literal @.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        command.Arguments.Add(prompt);
        var request = new RequestOptionSet(includePrompt: true);
        request.AddTo(command);
        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "The folder to save the outputs in, created if missing (default: the current folder); checked before anything is sent. Files are named <id>_<n>.<ext>; existing files are kept.",
            HelpName = "dir",
        };
        command.Options.Add(outDirectory);
        var waitFlags = new WaitFlags();
        waitFlags.AddTo(command);

        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            List<(string[], JsonNode?)> overrides = [];
            if (parse.GetValue(prompt) is { } words)
            {
                if (parse.GetResult(request.Flags.First(f => f.Name == "--prompt").Option) is { Implicit: false })
                {
                    throw new CliException("the prompt was given twice (as the argument and as --prompt).", "give it once");
                }

                overrides.Add((["prompt"], JsonValue.Create(new FileEmbedding(context.Environment).ExpandText(words, "the prompt"))));
            }

            var validate = !parse.GetValue(request.NoValidate);
            var inputs = request.Inputs(parse, readPipedInput: false, defaults, overrides);
            var generationRequest = GenerationFlow.BuildRequest(context, inputs);
            if (generationRequest.Prompt is null && generationRequest.Type != GenerationType.Layering)
            {
                throw new CliException("a prompt is required.", $"luma generate {name} \"what to generate\"");
            }

            if (parse.GetValue(request.DryRun))
            {
                return GenerationFlow.DryRun(context, generationRequest, validate, inputs.Uploads);
            }

            // Everything that can be refused is refused before the job exists.
            var folder = OutputFolder.Check(context.Environment, parse.GetValue(outDirectory));
            var waitOptions = waitFlags.Read(parse);
            using var session = context.Connect(validate);
            generationRequest = await inputs.Uploads.UploadAsync(context, session, generationRequest, validate, cancellationToken).ConfigureAwait(false);
            var done = await GenerationFlow.CreateAndWaitAsync(
                context, session, generationRequest, id => $"luma generations wait {id} {folder.Flag}", waitOptions, $"creating {name}", cancellationToken).ConfigureAwait(false);
            if (!done.IsCompleted)
            {
                return GenerationFlow.Finish(context, done);
            }

            var files = await GenerationFlow.SaveAsync(context, session, done, folder, index: null, cancellationToken).ConfigureAwait(false);
            return GenerationFlow.Finish(context, done, files);
        });
        return command;
    }
}
