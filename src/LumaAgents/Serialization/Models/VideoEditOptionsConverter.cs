using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Serialization;

/// <summary>Writes <see cref="VideoEditOptions"/> as the SDK sends it; reads it strictly.</summary>
internal sealed class VideoEditOptionsConverter : RequestObjectConverter<VideoEditOptions>
{
    public VideoEditOptionsConverter()
        : base(
        [
            WireFields.Boolean<VideoEditOptions>("auto_controls", e => e.AutoControls),
            WireFields.NullableEnum<VideoEditOptions, VideoEditStrength>("strength", e => e.Strength),
            WireFields.Generated<VideoEditOptions, AdvancedControls>("controls", e => e.Controls),
            WireFields.List<VideoEditOptions, ImageRef>("keyframes", ImageRefConverter.Instance, e => e.Keyframes),
            WireFields.Int32List<VideoEditOptions>("keyframe_indexes", e => e.KeyframeIndexes),
        ])
    {
    }

    /// <summary>The instance nested models use.</summary>
    public static VideoEditOptionsConverter Instance { get; } = new();

    protected override JsonTypeInfo<VideoEditOptions> ReadingTypeInfo => RequestReadingContext.Default.VideoEditOptions;

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(VideoEditOptions model) => model.AdditionalProperties;
}
