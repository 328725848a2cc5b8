using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Serialization;

/// <summary>Writes <see cref="VideoOptions"/> as the SDK sends it; reads it strictly.</summary>
internal sealed class VideoOptionsConverter : RequestObjectConverter<VideoOptions>
{
    public VideoOptionsConverter()
        : base(
        [
            WireFields.NullableEnum<VideoOptions, VideoDuration>("duration", v => v.Duration),
            WireFields.NullableEnum<VideoOptions, VideoResolution>("resolution", v => v.Resolution),
            WireFields.Boolean<VideoOptions>("loop", v => v.Loop),
            WireFields.Boolean<VideoOptions>("hdr", v => v.Hdr),
            WireFields.Boolean<VideoOptions>("exr_export", v => v.ExrExport),
            WireFields.Object<VideoOptions, ImageRef>("start_frame", ImageRefConverter.Instance, v => v.StartFrame),
            WireFields.Object<VideoOptions, ImageRef>("end_frame", ImageRefConverter.Instance, v => v.EndFrame),
            WireFields.Object<VideoOptions, ImageRef>("guide_frame", ImageRefConverter.Instance, v => v.GuideFrame),
            WireFields.List<VideoOptions, ImageRef>("keyframes", ImageRefConverter.Instance, v => v.Keyframes),
            WireFields.Int32List<VideoOptions>("keyframe_indexes", v => v.KeyframeIndexes),
            WireFields.Generated<VideoOptions, SourcePosition>("source_position", v => v.SourcePosition),
            WireFields.Object<VideoOptions, VideoEditOptions>("edit", VideoEditOptionsConverter.Instance, v => v.Edit),
        ])
    {
    }

    /// <summary>The instance nested models use.</summary>
    public static VideoOptionsConverter Instance { get; } = new();

    protected override JsonTypeInfo<VideoOptions> ReadingTypeInfo => RequestReadingContext.Default.VideoOptions;

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(VideoOptions model) => model.AdditionalProperties;
}
