using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// What a generation does.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationType>))]
public readonly partial struct GenerationType
{
    /// <summary>Create an image from a prompt (the server's default). Wire value <c>image</c>.</summary>
    [WireValue("image")]
    public static partial GenerationType Image { get; }

    /// <summary>Edit a source image. Wire value <c>image_edit</c>.</summary>
    [WireValue("image_edit")]
    public static partial GenerationType ImageEdit { get; }

    /// <summary>Create a video (ray-3.2). Wire value <c>video</c>.</summary>
    [WireValue("video")]
    public static partial GenerationType Video { get; }

    /// <summary>Edit a source video (ray-3.2). Wire value <c>video_edit</c>.</summary>
    [WireValue("video_edit")]
    public static partial GenerationType VideoEdit { get; }

    /// <summary>Reframe a source video to another aspect ratio (ray-3.2). Wire value <c>video_reframe</c>.</summary>
    [WireValue("video_reframe")]
    public static partial GenerationType VideoReframe { get; }

    /// <summary>Split an image into layers. Wire value <c>layering</c>.</summary>
    [WireValue("layering")]
    public static partial GenerationType Layering { get; }

    /// <summary>Whether this is one of the video types (<c>video</c>, <c>video_edit</c>, <c>video_reframe</c>), made by ray-3.2.</summary>
    public bool IsVideo => this == Video || this == VideoEdit || this == VideoReframe;
}
