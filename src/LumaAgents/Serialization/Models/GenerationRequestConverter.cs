using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Serialization;

/// <summary>Writes <see cref="GenerationRequest"/> (reference §2) as the SDK sends it; reads it strictly.</summary>
internal sealed class GenerationRequestConverter : RequestObjectConverter<GenerationRequest>
{
    public GenerationRequestConverter()
        : base(
        [
            WireFields.String<GenerationRequest>("prompt", r => r.Prompt),
            WireFields.NullableEnum<GenerationRequest, GenerationModel>("model", r => r.Model),
            WireFields.NullableEnum<GenerationRequest, GenerationType>("type", r => r.Type),
            WireFields.NullableEnum<GenerationRequest, AspectRatio>("aspect_ratio", r => r.AspectRatio),
            WireFields.NullableEnum<GenerationRequest, ImageStyle>("style", r => r.Style),
            WireFields.NullableEnum<GenerationRequest, OutputFormat>("output_format", r => r.OutputFormat),
            WireFields.List<GenerationRequest, ImageRef>("image_ref", ImageRefConverter.Instance, r => r.ImageRefs),
            WireFields.Object<GenerationRequest, ImageRef>("source", ImageRefConverter.Instance, r => r.Source),
            WireFields.Boolean<GenerationRequest>("web_search", r => r.WebSearch),
            WireFields.String<GenerationRequest>("user_id", r => r.UserId),
            WireFields.Object<GenerationRequest, VideoOptions>("video", VideoOptionsConverter.Instance, r => r.Video),
            WireFields.Generated<GenerationRequest, LayeringOptions>("layering", r => r.Layering),
        ])
    {
    }

    protected override JsonTypeInfo<GenerationRequest> ReadingTypeInfo => RequestReadingContext.Default.GenerationRequest;

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(GenerationRequest model) => model.AdditionalProperties;
}
