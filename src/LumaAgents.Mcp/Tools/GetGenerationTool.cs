using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>get_generation</c>: one read of a generation, free and immediate.</summary>
internal sealed class GetGenerationTool : LumaTool
{
    public const string Name = "get_generation";

    public GetGenerationTool(ToolContext context)
        : base(context, Define())
    {
    }

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var generation = await Context.Generations.GetAsync(call.RequiredString("generation_id"), cancellationToken).ConfigureAwait(false);
        return new ToolOutcome(GenerationView.From(generation, NextSteps.For(generation)));
    }

    private static ToolDefinition Define() => new(
        Name,
        "Read a Luma generation",
        "Reads one Luma generation once and returns at once (about a second). Free: reads are not billed and not rate-limited. "
        + "Returns its state (queued, processing, completed or failed; any other state, such as pending, means still running), the failure code "
        + "and reason and whether a retry may help when it failed, and its outputs (type, presigned download URL valid for one hour, layer) when "
        + "completed. To wait until it finishes use wait_for_generation; to save the files use download_outputs.",
        Object(null, ("generation_id", String("The generation's id, as returned by create_generation or generate."))).Require("generation_id"),
        Object(null, GenerationSchemas.GenerationProperties()).Require(GenerationSchemas.GenerationRequired()),
        new ToolAnnotations { Title = "Read a Luma generation", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true });
}
