using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents.Serialization;

/// <summary>
/// Reads requests with the source generator's own metadata (strict: a value of the wrong JSON type throws). The same
/// settings as <see cref="LumaJsonContext"/> without its converters, which write requests and would otherwise be
/// found again here.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(GenerationRequest))]
internal sealed partial class RequestReadingContext : JsonSerializerContext
{
}
