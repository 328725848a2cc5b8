using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Serialization;

/// <summary>Writes <see cref="ImageRef"/> as the SDK sends it; reads it strictly.</summary>
internal sealed class ImageRefConverter : RequestObjectConverter<ImageRef>
{
    public ImageRefConverter()
        : base(
        [
            WireFields.Uri<ImageRef>("url", r => r.Url),
            WireFields.String<ImageRef>("data", r => r.Data),
            WireFields.String<ImageRef>("media_type", r => r.MediaType),
            WireFields.String<ImageRef>("generation_id", r => r.GenerationId),
            WireFields.String<ImageRef>("file_id", r => r.FileId),
        ])
    {
    }

    /// <summary>The instance nested models use.</summary>
    public static ImageRefConverter Instance { get; } = new();

    protected override JsonTypeInfo<ImageRef> ReadingTypeInfo => RequestReadingContext.Default.ImageRef;

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(ImageRef model) => model.AdditionalProperties;
}
