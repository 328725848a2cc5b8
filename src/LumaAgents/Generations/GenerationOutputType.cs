using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The kind of a generation output.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationOutputType>))]
public readonly partial struct GenerationOutputType
{
    /// <summary>An image file. Wire value <c>image</c>.</summary>
    [WireValue("image")]
    public static partial GenerationOutputType Image { get; }

    /// <summary>A video file. Wire value <c>video</c>.</summary>
    [WireValue("video")]
    public static partial GenerationOutputType Video { get; }
}
