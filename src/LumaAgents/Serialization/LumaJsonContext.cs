using System.Text.Json.Serialization;

namespace LumaAgents.Serialization;

/// <summary>
/// The serializer for every wire type: no reflection, trim- and AOT-safe. Snake-case names, unset members omitted on
/// write so the server applies its defaults. The models with AdditionalProperties are read and written by the
/// converters in <c>Serialization/Models</c> (tolerant reading of responses, AdditionalProperties replacing typed
/// members on write); everything else by the source generator.
/// </summary>
/// <remarks>
/// The converters are registered here rather than with <c>[JsonConverter]</c> on the models, so that an application
/// serializing our models with its own settings (camelCase in a web API, say) keeps getting its own settings.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default,
    Converters =
    [
        typeof(GenerationConverter), typeof(GenerationOutputConverter), typeof(OutputLayerConverter), typeof(LayerBoundsConverter),
        typeof(GenerationRequestConverter), typeof(ImageRefConverter), typeof(VideoOptionsConverter), typeof(VideoEditOptionsConverter),
        typeof(LumaFileConverter),
    ])]
[JsonSerializable(typeof(GenerationRequest))]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(LayeringOptions))]
[JsonSerializable(typeof(SourcePosition))]
[JsonSerializable(typeof(AdvancedControls))]
[JsonSerializable(typeof(FileCreateRequest))]
[JsonSerializable(typeof(FileUpload))]
[JsonSerializable(typeof(LumaFile))]
[JsonSerializable(typeof(FileListPage))]
internal sealed partial class LumaJsonContext : JsonSerializerContext
{
}
