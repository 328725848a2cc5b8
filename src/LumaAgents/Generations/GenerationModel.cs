using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The model that runs a generation. Known: <c>uni-1</c> (images, the default), <c>uni-1-max</c> (higher-quality images), <c>ray-3.2</c> (video).
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationModel>))]
public readonly partial struct GenerationModel
{
    /// <summary>The uni-1 image model (the server's default). Wire value <c>uni-1</c>.</summary>
    [WireValue("uni-1")]
    public static partial GenerationModel Uni1 { get; }

    /// <summary>The uni-1-max image model: higher quality, about twice as slow. Wire value <c>uni-1-max</c>.</summary>
    [WireValue("uni-1-max")]
    public static partial GenerationModel Uni1Max { get; }

    /// <summary>The ray-3.2 video model. Wire value <c>ray-3.2</c>.</summary>
    [WireValue("ray-3.2")]
    public static partial GenerationModel Ray32 { get; }
}
