using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// How closely a video edit follows the source's poses.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<PoseControlStrength>))]
public readonly partial struct PoseControlStrength
{
    /// <summary>Follow poses precisely. Wire value <c>precise</c>.</summary>
    [WireValue("precise")]
    public static partial PoseControlStrength Precise { get; }

    /// <summary>Follow poses loosely. Wire value <c>coarse</c>.</summary>
    [WireValue("coarse")]
    public static partial PoseControlStrength Coarse { get; }
}
