using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The resolution of layering outputs.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<LayeringResolution>))]
public readonly partial struct LayeringResolution
{
    /// <summary>About 1,000 pixels on the long side. Wire value <c>1k</c>.</summary>
    [WireValue("1k")]
    public static partial LayeringResolution Resolution1k { get; }

    /// <summary>About 2,000 pixels on the long side. Wire value <c>2k</c>.</summary>
    [WireValue("2k")]
    public static partial LayeringResolution Resolution2k { get; }
}
