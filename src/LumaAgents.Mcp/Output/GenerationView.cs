using System.Text.Json.Nodes;
using LumaAgents.Serialization;

namespace LumaAgents.Mcp.Output;

/// <summary>
/// A generation as the tools report it: the API's fields plus what an agent needs to decide (is it still running,
/// may a retry help, what next). Values come from the SDK's own serializer, so unknown states, types and layer
/// shapes pass through unchanged.
/// </summary>
internal static class GenerationView
{
    public static JsonObject From(Generation generation, string nextStep)
    {
        var wire = JsonNode.Parse(LumaJson.Serialize(generation))!.AsObject();
        var outputs = new JsonArray();
        var wireOutputs = wire["output"] as JsonArray;
        for (var i = 0; i < generation.Output.Count; i++)
        {
            var output = generation.Output[i];
            outputs.Add(new JsonObject
            {
                ["index"] = i,
                ["type"] = output.Type.Value.Length == 0 ? null : output.Type.Value,
                ["url"] = output.Url?.ToString(),
                ["layer"] = wireOutputs?[i]?["layer"]?.DeepClone(),
            });
        }

        return new JsonObject
        {
            ["id"] = generation.Id,
            ["state"] = generation.State.Value,
            ["running"] = !generation.IsTerminal,
            ["type"] = Text(generation.Type.Value),
            ["model"] = Text(generation.Model.Value),
            ["created_at"] = wire["created_at"]?.DeepClone(),
            ["failure_code"] = generation.FailureCode?.Value,
            ["failure_reason"] = generation.FailureReason,
            ["retry_may_help"] = generation.IsFailed ? new GenerationFailedException(generation).IsRetryable : null,
            ["outputs"] = outputs,
            ["next_step"] = nextStep,
        };
    }

    private static string? Text(string value) => value.Length == 0 ? null : value;
}
