using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LumaAgents.Mcp.Tools;

/// <summary>
/// The common shape of every luma-mcp tool: a hand-written input schema (enums from the SDK's known values, unknown
/// arguments refused) that the arguments are checked against first; structured output with its output schema and the
/// same JSON as the first text block; the simulator notice on every result; and every failure, whatever its kind,
/// as an <c>isError</c> result through <see cref="ToolErrors"/> (its JSON as text) with the key scrubbed out. Only the client's own
/// cancellation ends a call without a result.
/// </summary>
internal abstract class LumaTool : McpServerTool
{
    private const string SimulatorNotice =
        "luma-mcp is running with --simulator: an in-process simulation of the Luma Agents API answered. Nothing was sent to Luma, "
        + "nothing is billed, and the outputs are placeholder files. Start luma-mcp without --simulator (with LUMA_AGENTS_API_KEY set) for real generations.";

    private readonly JsonObject _inputSchema;

    protected LumaTool(ToolContext context, ToolDefinition definition)
    {
        Context = context;
        _inputSchema = definition.InputSchema;
        var outputSchema = definition.OutputSchema.With(GenerationSchemas.SimulatorProperties());
        ProtocolTool = new Tool
        {
            Name = definition.Name,
            Title = definition.Title,
            Description = definition.Description,
            InputSchema = JsonSchema.ToElement(definition.InputSchema),
            OutputSchema = JsonSchema.ToElement(outputSchema),
            Annotations = definition.Annotations,
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata { get; } = [];

    protected ToolContext Context { get; }

    /// <summary>What this tool's ids name (a 404's advice says which id to check).</summary>
    protected virtual ErrorSubject Subject => ErrorSubject.Generation;

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        ToolOutcome outcome;
        try
        {
            var arguments = ReadArguments(request.Params?.Arguments);
            var problems = SchemaChecker.Check(arguments, _inputSchema);
            if (problems.Count > 0)
            {
                throw new LumaValidationException(problems);
            }

            outcome = await RunAsync(new ToolCall(request, arguments), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Context.Logger.LogInformation("{Tool} cancelled by the client after {Elapsed} ms", ProtocolTool.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome = ToolErrors.Describe(e, subject: Subject);
        }

        if (outcome.IsError)
        {
            Context.Logger.LogWarning("{Tool} failed: {Kind}", ProtocolTool.Name, outcome.Structured["error"]?["kind"]?.GetValue<string>());
        }
        else
        {
            Context.Logger.LogInformation("{Tool} done in {Elapsed} ms", ProtocolTool.Name, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }

        return Render(outcome);
    }

    /// <summary>The tool's work, with arguments that passed the input schema; throw for any failure.</summary>
    protected abstract Task<ToolOutcome> RunAsync(ToolCall call, CancellationToken cancellationToken);

    private CallToolResult Render(ToolOutcome outcome)
    {
        var structured = outcome.Structured;
        if (Context.Backend.Simulated)
        {
            structured["simulated"] = true;
            structured["notice"] = SimulatorNotice;
        }

        var json = Context.Scrubber.Scrub(structured.ToJsonString(TextOptions));
        var content = new List<ContentBlock> { new TextContentBlock { Text = json } };
        content.AddRange(outcome.Extra);
        // An error's JSON goes out as text only: structured content must match the output schema, which describes
        // success, and clients check it even on errors (the TypeScript SDK 1.32 rejects the whole result otherwise).
        return new CallToolResult
        {
            Content = content,
            StructuredContent = outcome.IsError ? null : JsonElement.Parse(json),
            IsError = outcome.IsError ? true : null,
        };
    }

    private static JsonObject ReadArguments(IDictionary<string, JsonElement>? arguments)
    {
        var result = new JsonObject();
        if (arguments is not null)
        {
            foreach (var (name, value) in arguments)
            {
                result[name] = JsonNode.Parse(value.GetRawText());
            }
        }

        return result;
    }

    private static readonly JsonSerializerOptions TextOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
