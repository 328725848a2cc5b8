using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Input;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary>The steps the generation commands share: build the request, dry-run it, wait, and finish with an exit code.</summary>
internal static class GenerationFlow
{
    public static GenerationRequest BuildRequest(CliContext context, RequestInputs inputs)
    {
        var body = new RequestAssembler(context.Environment).Assemble(context.Parse, inputs);
        return RequestAssembler.ToRequest(body);
    }

    /// <summary><c>--dry-run</c>: the request as it would go on the wire, checked like a real create.</summary>
    public static int DryRun(CliContext context, GenerationRequest request, bool validate)
    {
        if (validate && request.Validate() is { Count: > 0 } errors)
        {
            throw new LumaValidationException(errors);
        }

        context.Output.WriteResult(GenerationDocument.From(request));
        return ExitCodes.Success;
    }

    /// <summary>Waits with progress on stderr; a failed generation is returned (the options say not to throw).</summary>
    public static Task<Generation> WaitAsync(CliContext context, LumaSession session, Generation created, WaitOptions options, CancellationToken cancellationToken)
        => new ProgressDisplay(context.Environment, context.Output).RunAsync(
            $"waiting for generation {created.Id}",
            reporter => session.Generations.WaitForCompletionAsync(created, options, reporter, cancellationToken));

    /// <summary>Prints the final generation (failed ones too, for scripts), then exits 6 if it failed.</summary>
    public static int Finish(CliContext context, Generation generation, JsonObject? document = null)
    {
        context.Output.WriteResult(document ?? GenerationDocument.From(generation));
        if (generation.IsFailed)
        {
            return ErrorReporter.Report(new GenerationFailedException(generation), context.Environment.Error, context.Debug);
        }

        return ExitCodes.Success;
    }
}
