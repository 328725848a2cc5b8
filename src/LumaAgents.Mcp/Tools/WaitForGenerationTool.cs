using LumaAgents.Mcp.Flows;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using ModelContextProtocol.Protocol;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tools;

/// <summary><c>wait_for_generation</c>: polls until completed or failed, or until the agent's deadline.</summary>
internal sealed class WaitForGenerationTool : LumaTool
{
    public const string Name = "wait_for_generation";

    public WaitForGenerationTool(ToolContext context)
        : base(context, Define())
    {
    }

    protected override async Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var id = call.RequiredString("generation_id");
        WaitResult waited;
        await using (var progress = new ProgressReporter(call.Request.Server, call.Request.Params?.ProgressToken, Context.Logger))
        {
            waited = await GenerationWait.RunAsync(Context, id, known: null, call.Seconds("timeout_seconds"), progress, cancellationToken).ConfigureAwait(false);
        }

        return Describe(waited);
    }

    /// <summary>The result of a wait: failed is an error result (the generation is in it), a timeout is not.</summary>
    internal static ToolOutcome Describe(WaitResult waited)
    {
        var last = waited.Last ?? new Generation { Id = waited.GenerationId, State = new GenerationState("unknown") };
        var next = waited.TimedOut ? NextSteps.StillRunning(waited.GenerationId, waited.Last) : NextSteps.For(last);
        if (last.IsFailed)
        {
            var failed = ToolErrors.Describe(new GenerationFailedException(last));
            failed.Structured["waited_seconds"] = Math.Round(waited.Waited.TotalSeconds, 1);
            return failed;
        }

        var view = GenerationView.From(last, next);
        view["waited_seconds"] = Math.Round(waited.Waited.TotalSeconds, 1);
        view["timed_out"] = waited.TimedOut;
        return new ToolOutcome(view);
    }

    /// <summary>The fields a wait adds to a generation result.</summary>
    internal static (string Name, System.Text.Json.Nodes.JsonObject Schema)[] WaitProperties() =>
    [
        ("waited_seconds", Number("How long this call waited.", 0)),
        ("timed_out", Boolean("True when timeout_seconds (or the model's default deadline) passed first: the job is still running on the server; call wait_for_generation again.")),
    ];

    private static ToolDefinition Define() => new(
        Name,
        "Wait for a Luma generation",
        "Waits until a Luma generation is completed or failed, polling it (reads are free; nothing is billed). Images (uni-1) usually take 15–60 s, "
        + "uni-1-max about twice that, video (ray-3.2) 1–10 minutes. It waits at most timeout_seconds (default: the model's own deadline, 2 min for "
        + "uni-1, 4 min for uni-1-max, 10 min for video); pass a timeout below your client's request timeout (many clients give up after 60 s). "
        + "A timeout is not an error: the result has timed_out true and the last state, the job keeps running, and calling again resumes the wait. "
        + "Sends a progress notification on every state change when the call carries a progress token. A failed generation is an error result "
        + "with failure_code, failure_reason and retry_may_help. When completed, call download_outputs to save the files.",
        Object(
            null,
            ("generation_id", String("The generation's id, as returned by create_generation or generate.")),
            ("timeout_seconds", Number($"The longest this call may wait, 1–{GenerationWait.MaxTimeoutSeconds} s.", 1, GenerationWait.MaxTimeoutSeconds)))
            .Require("generation_id"),
        Object(null, GenerationSchemas.GenerationProperties()).With(WaitProperties()).Require([.. GenerationSchemas.GenerationRequired(), "waited_seconds", "timed_out"]),
        new ToolAnnotations { Title = "Wait for a Luma generation", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true });
}
