using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The visual style of an image.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<ImageStyle>))]
public readonly partial struct ImageStyle
{
    /// <summary>The model chooses (the server's default). Wire value <c>auto</c>.</summary>
    [WireValue("auto")]
    public static partial ImageStyle Auto { get; }

    /// <summary>Manga style; needs a portrait aspect ratio (2:3, 9:16, 1:2 or 1:3). Wire value <c>manga</c>.</summary>
    [WireValue("manga")]
    public static partial ImageStyle Manga { get; }
}
