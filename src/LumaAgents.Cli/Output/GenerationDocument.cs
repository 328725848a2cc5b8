using System.Text.Json.Nodes;
using LumaAgents.Serialization;

namespace LumaAgents.Cli.Output;

/// <summary>SDK objects as JSON nodes, written by the SDK's own serializer so the output is the wire shape.</summary>
internal static class GenerationDocument
{
    public static JsonObject From(Generation generation) => JsonNode.Parse(LumaJson.Serialize(generation))!.AsObject();

    public static JsonObject From(GenerationRequest request) => JsonNode.Parse(LumaJson.Serialize(request))!.AsObject();
}
