using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The resolution of a video output.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<VideoResolution>))]
public readonly partial struct VideoResolution
{
    /// <summary>360p. Wire value <c>360p</c>.</summary>
    [WireValue("360p")]
    public static partial VideoResolution Resolution360p { get; }

    /// <summary>540p. Wire value <c>540p</c>.</summary>
    [WireValue("540p")]
    public static partial VideoResolution Resolution540p { get; }

    /// <summary>720p (the server's default). Wire value <c>720p</c>.</summary>
    [WireValue("720p")]
    public static partial VideoResolution Resolution720p { get; }

    /// <summary>1080p. Wire value <c>1080p</c>.</summary>
    [WireValue("1080p")]
    public static partial VideoResolution Resolution1080p { get; }
}
