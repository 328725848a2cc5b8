using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// How a layer's alpha channel is meant to be used (<c>layer.alpha_hint</c> of a layering output).
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<AlphaHint>))]
public readonly partial struct AlphaHint
{
    /// <summary>Soft edges: blend the layer with its alpha as it is (hair, smoke, glass). Wire value <c>soft</c>.</summary>
    [WireValue("soft")]
    public static partial AlphaHint Soft { get; }

    /// <summary>Hard edges: the alpha is a cut-out mask. Wire value <c>hard</c>.</summary>
    [WireValue("hard")]
    public static partial AlphaHint Hard { get; }

    /// <summary>No transparency: the layer is opaque (a background). Wire value <c>none</c>.</summary>
    [WireValue("none")]
    public static partial AlphaHint None { get; }
}
