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
        var prepared = await GenerationRequestReader.ReadAsync(call.Arguments, [], Context.Folders, cancellationToken).ConfigureAwait(false);
        await using var progress = new ProgressReporter(call.Request.Server, call.Request.Params?.ProgressToken, Context.Logger);
        var (created, failed) = await UploadAndCreateAsync(Context, prepared, progress, cancellationToken).ConfigureAwait(false);
        if (failed is not null)
        {
            return failed;
        }

        var generation = created!.Value;
        Context.Logger.LogCreated(generation.Id);
        var view = GenerationView.From(generation, NextSteps.StillRunning(generation.Id, generation) + prepared.Uploads.Note());
        AddCreateFacts(view, created.RequestId, created.RateLimit, billed: !Context.Backend.Simulated);
        return WithUploads(new ToolOutcome(view), prepared.Uploads);
    }

    /// <summary>
    /// Uploads a request's large local inputs, then sends the billed create. A failed upload is an error result that
    /// lists what was uploaded and says nothing was created; a failed create after uploads lists them and says to
    /// reuse their ids. Any other failed create is thrown, for the base class to describe.
    /// </summary>
    internal static async Task<(LumaResponse<Generation>? Created, ToolOutcome? Failed)> UploadAndCreateAsync(
        ToolContext context, PreparedRequest prepared, ProgressReporter progress, CancellationToken cancellationToken)
    {
        GenerationRequest request;
        try
        {
            request = await prepared.Uploads.UploadAsync(context, prepared.Request, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var resume = e is LumaValidationException ? null : "No generation was created and nothing is billed.";
            return (null, WithUploads(ToolErrors.Describe(e, resume: resume, subject: ErrorSubject.File), prepared.Uploads));
        }

        try
        {
            return (await context.Generations.CreateWithResponseAsync(request, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (!prepared.Uploads.IsEmpty && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            const string reuse = "The large local inputs were uploaded already (see uploaded_inputs): to try again, pass their file_id instead of the path.";
            return (null, WithUploads(ToolErrors.Describe(e, resume: reuse), prepared.Uploads));
        }
    }

    /// <summary>Adds <c>uploaded_inputs</c>: always to a success (its schema requires it), to an error when something was uploaded.</summary>
    internal static ToolOutcome WithUploads(ToolOutcome outcome, MediaUploads uploads)
    {
        var described = uploads.Describe();
        if (!outcome.IsError || described.Count > 0)
        {
            outcome.Structured["uploaded_inputs"] = described;
        }

        return outcome;
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
        ("uploaded_inputs", Array(MediaUploads.Schema(), $"Local inputs larger than {FileLimits.AutoUploadAboveBytes / (1024 * 1024)} MB, uploaded through the Files API and sent as file_id; empty when every local input went inline.")),
    ];

    private static ToolDefinition Define(ToolContext context) => new(
        Name,
        "Start a Luma image or video generation",
        "Starts a Luma Agents generation (images with uni-1 or uni-1-max, video with ray-3.2; also image and video edits, video reframes and "
        + "layering) and returns within a few seconds with its id and state (queued), without waiting for the result. " + BillingNote + " "
        + "Images usually take 15–60 s to finish, uni-1-max about twice that, video 1–10 minutes: then call wait_for_generation with the id, and "
        + "download_outputs to save the files (or use generate to do all three in one call). Input media (source, image_ref, video frames) are "
        + "given as a public https url, a generation_id, a file_id (from upload_file), or a local path inside the allowed folders: " + context.Folders.Describe()
        + $". A local file up to {FileLimits.AutoUploadAboveBytes / (1024 * 1024)} MB is sent inline as base64; a larger one is first uploaded through the Files API "
        + "(progress notifications report the bytes) and sent as file_id, and the result lists it in uploaded_inputs.",
        Object(null, GenerationSchemas.RequestProperties()),
        Object(null, GenerationSchemas.GenerationProperties()).With(CreateProperties())
            .Require([.. GenerationSchemas.GenerationRequired(), "request_id", "rate_limit", "billed", "uploaded_inputs"]),
        new ToolAnnotations { Title = "Start a Luma generation", ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true });
}
