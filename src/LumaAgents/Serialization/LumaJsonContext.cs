using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents.Serialization;

/// <summary>
/// The source-generated serializer for every wire type: no reflection, trim- and AOT-safe. Snake-case names,
/// nulls omitted on write so the server applies its defaults.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(GenerationRequest))]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(FileCreateRequest))]
[JsonSerializable(typeof(FileUpload))]
[JsonSerializable(typeof(LumaFile))]
[JsonSerializable(typeof(FileListPage))]
internal sealed partial class LumaJsonContext : JsonSerializerContext
{
}
