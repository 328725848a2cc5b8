using System.Text.Json.Nodes;
using LumaAgents.Mcp.Flows;
using LumaAgents.Mcp.Output;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>download_outputs</c>: saves a completed generation's files into an allowed folder.</summary>
internal sealed class DownloadOutputsTool : LumaTool
{
    public const string Name = "download_outputs";

    public DownloadOutputsTool(ToolContext context)
        : base(context, Define(context))
    {
    }

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var id = call.RequiredString("generation_id");
        var folder = OutputSaver.ResolveFolder(Context, call.String("directory"));

        // A fresh read: output URLs expire an hour after the read that minted them.
        var generation = await Context.Generations.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (generation.IsFailed)
        {
            throw new GenerationFailedException(generation);
        }

        if (!generation.IsCompleted)
        {
            throw new NotReadyException(
                $"Generation {id} is still {generation.State.Value}; it has no outputs yet.",
                $"Call wait_for_generation with generation_id \"{id}\" {NextSteps.TypicalDuration(generation)}, then download_outputs again.",
                generation);
        }

        var saved = await OutputSaver.SaveAsync(Context, generation, folder, cancellationToken).ConfigureAwait(false);
        var result = new ToolOutcome(new JsonObject
        {
            ["generation_id"] = id,
            ["directory"] = folder,
            ["files"] = OutputSaver.Describe(saved),
            ["next_step"] = saved.Count == 0
                ? "The generation completed without outputs; there was nothing to save."
                : "Saved. The files are listed in files and linked as resources.",
        });
        await OutputSaver.AddContentAsync(result, id, saved, call.Boolean("include_images") ?? true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static ToolDefinition Define(ToolContext context) => new(
        Name,
        "Save a Luma generation's outputs",
        "Downloads every output of a completed Luma generation into a local folder and returns the saved paths, as a list and as resource links; "
        + "small images (up to 1 MB) also come back as image content so you can look at them. Not billed. Takes a few seconds (large videos longer). "
        + "Names are <id>_<index>.<ext>, made safe, and an existing file is never overwritten (a -2, -3… suffix is added), so calling again saves "
        + "another copy. The folder must be inside the allowed folders: " + context.Folders.Describe() + ". A generation that is still running is "
        + "an error result saying to call wait_for_generation first.",
        Object(
            null,
            ("generation_id", String("The id of a completed generation.")),
            ("directory", String("Where to save: a folder inside the allowed folders, absolute or relative to the first one (default: the first one). Created if missing.")),
            ("include_images", Boolean("Also return small images (up to 1 MB each) as image content (default true).")))
            .Require("generation_id"),
        Object(
            null,
            ("generation_id", String("The generation whose outputs were saved.")),
            ("directory", String("The folder they were saved in.")),
            ("files", Array(OutputSaver.FileSchema(), "The saved files, in output order.")),
            ("next_step", String("What to do next, in words.")))
            .Require("generation_id", "directory", "files", "next_step"),
        new ToolAnnotations { Title = "Save generation outputs", ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true });
}
