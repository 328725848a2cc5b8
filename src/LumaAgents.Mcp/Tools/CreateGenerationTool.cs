using System.Text.Json.Nodes;
using LumaAgents.Mcp.Input;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>create_generation</c>: starts one billed job and returns at once with its id.</summary>
internal sealed class CreateGenerationTool : LumaTool
{
    public const string Name = "create_generation";

    public CreateGenerationTool(ToolContext context)
        : base(context, Define(context))
    {
    }

    /// <summary>The billing sentence every creating tool's description starts from.</summary>
    internal const string BillingNote =
        "BILLED: every successful call starts a paid job on the Luma account (there is no way to cancel it and no idempotency key, so do not repeat a call "
        + "that succeeded; if an error says generation_may_exist, do not retry blindly). The request is checked first: an invalid one is refused "
        + "before anything is sent and costs nothing.";

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var request = await GenerationRequestReader.ReadAsync(call.Arguments, [], Context.Folders, cancellationToken).ConfigureAwait(false);
        var created = await Context.Generations.CreateWithResponseAsync(request, cancellationToken).ConfigureAwait(false);
        var generation = created.Value;
        Context.Logger.LogCreated(generation.Id);
        var view = GenerationView.From(generation, NextSteps.StillRunning(generation.Id, generation));
        AddCreateFacts(view, created.RequestId, created.RateLimit, billed: !Context.Backend.Simulated);
        return new ToolOutcome(view);
    }

    /// <summary>What a create adds to the generation: the request id, the rate-limit window, and whether it is billed.</summary>
    internal static void AddCreateFacts(JsonObject view, string? requestId, RateLimitInfo? rateLimit, bool billed)
    {
        view["request_id"] = requestId;
        view["rate_limit"] = rateLimit is null ? null : new JsonObject
        {
            ["limit"] = rateLimit.Limit,
            ["remaining"] = rateLimit.Remaining,
            ["resets_at"] = rateLimit.ResetsAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        view["billed"] = billed;
    }

    internal static (string Name, JsonObject Schema)[] CreateProperties() =>
    [
        ("request_id", OrNull(String("The API's request id of the create; quote it to Luma support."))),
        ("rate_limit", OrNull(Object(
            "The requests-per-minute window after this create, when the API reported it.",
            ("limit", OrNull(Integer("Creates allowed per minute."))),
            ("remaining", OrNull(Integer("Creates left in the window."))),
            ("resets_at", OrNull(String("When the window frees up (ISO 8601)."))))
            .Require("limit", "remaining", "resets_at"))),
        ("billed", Boolean("True when this created a paid job (false only with --simulator).")),
    ];

    private static ToolDefinition Define(ToolContext context) => new(
        Name,
        "Start a Luma image or video generation",
        "Starts a Luma Agents generation (images with uni-1 or uni-1-max, video with ray-3.2; also image and video edits, video reframes and "
        + "layering) and returns within a few seconds with its id and state (queued), without waiting for the result. " + BillingNote + " "
        + "Images usually take 15–60 s to finish, uni-1-max about twice that, video 1–10 minutes: then call wait_for_generation with the id, and "
        + "download_outputs to save the files (or use generate to do all three in one call). Input media (source, image_ref, video frames) are "
        + "given as a public https url, a generation_id, a file_id, or a local path inside the allowed folders: " + context.Folders.Describe() + ".",
        Object(null, GenerationSchemas.RequestProperties()),
        Object(null, GenerationSchemas.GenerationProperties()).With(CreateProperties())
            .Require([.. GenerationSchemas.GenerationRequired(), "request_id", "rate_limit", "billed"]),
        new ToolAnnotations { Title = "Start a Luma generation", ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true });
}
