using System.CommandLine;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Input;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// <c>luma generate image|video "prompt"</c>: create, wait with progress, save the outputs, print the generation
/// with a <c>files</c> list. Every flag of <c>generations create</c> works here too.
/// </summary>
internal static class GenerateCommand
{
    public static Command Build(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("generate", "Create a generation, wait for it with progress, and save its outputs.");
        command.Subcommands.Add(BuildKind(
            "image",
            "Generate an image (type image, model uni-1 unless --type/--model say otherwise) and save it.\nExample: luma generate image \"a lighthouse at dawn\" --aspect-ratio 16:9 --out pictures",
            new JsonObject { ["type"] = "image" },
            globals,
            environment));
        command.Subcommands.Add(BuildKind(
            "video",
            "Generate a video (type video, model ray-3.2 unless --type/--model say otherwise) and save it.\nExample: luma generate video \"waves at sunset\" --video.duration 5s --video.resolution 1080p",
            new JsonObject { ["type"] = "video", ["model"] = "ray-3.2" },
            globals,
            environment));
        return command;
    }

    private static Command BuildKind(string name, string description, JsonObject defaults, GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command(name, description + "\n" + RequestOptionSet.Precedence(readsPipedInput: false) + "\n" + ImageRefSyntax.Help);
        var prompt = new Argument<string[]>("prompt")
        {
            Description = "What to generate; several words are joined with spaces. @file reads it from a file.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        command.Arguments.Add(prompt);
        var request = new RequestOptionSet(includePrompt: false);
        request.AddTo(command);
        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "The folder to save the outputs in, created if missing (default: the current folder). Files are named <id>_<n>.<ext>; existing files are kept.",
            HelpName = "dir",
        };
        command.Options.Add(outDirectory);
        var waitFlags = new WaitFlags();
        waitFlags.AddTo(command);

        CommandRunner.SetAction(command, globals, environment, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var words = parse.GetValue(prompt) ?? [];
            List<(string[], JsonNode?)> overrides = [];
            if (words.Length > 0)
            {
                var text = new FileEmbedding(context.Environment).ExpandText(string.Join(' ', words));
                overrides.Add((["prompt"], JsonValue.Create(text)));
            }

            var validate = !parse.GetValue(request.NoValidate);
            var generationRequest = GenerationFlow.BuildRequest(context, request.Inputs(readPipedInput: false, defaults, overrides));
            if (generationRequest.Prompt is null && generationRequest.Type != GenerationType.Layering)
            {
                throw new CliException("a prompt is required.", $"luma generate {name} \"what to generate\"");
            }

            if (parse.GetValue(request.DryRun))
            {
                return GenerationFlow.DryRun(context, generationRequest, validate);
            }

            var folder = new FileEmbedding(context.Environment).Resolve(parse.GetValue(outDirectory) ?? ".");
            var waitOptions = waitFlags.Read(parse);
            using var session = context.Connect(validate);
            var (generation, files) = await new ProgressDisplay(context.Environment, context.Output).RunAsync(
                $"creating {name}",
                async reporter =>
                {
                    var created = await session.Generations.CreateAsync(generationRequest, cancellationToken).ConfigureAwait(false);
                    var done = await session.Generations.WaitForCompletionAsync(created, waitOptions, reporter, cancellationToken).ConfigureAwait(false);
                    if (!done.IsCompleted)
                    {
                        return (done, (IReadOnlyList<string>)[]);
                    }

                    reporter.Status($"saving {done.Output.Count} output(s) to {folder}");
                    return (done, await session.Generations.SaveOutputsAsync(done, folder, cancellationToken).ConfigureAwait(false));
                }).ConfigureAwait(false);

            foreach (var file in files)
            {
                context.Environment.Error.WriteLine("saved " + file);
            }

            var document = GenerationDocument.From(generation);
            if (generation.IsCompleted)
            {
                document["files"] = new JsonArray([.. files.Select(f => (JsonNode?)JsonValue.Create(f))]);
            }

            return GenerationFlow.Finish(context, generation, document);
        });
        return command;
    }
}
