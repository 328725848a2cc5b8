using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The length of a video output.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<VideoDuration>))]
public readonly partial struct VideoDuration
{
    /// <summary>Five seconds (the server's default). Wire value <c>5s</c>.</summary>
    [WireValue("5s")]
    public static partial VideoDuration Seconds5 { get; }

    /// <summary>Ten seconds. Wire value <c>10s</c>.</summary>
    [WireValue("10s")]
    public static partial VideoDuration Seconds10 { get; }
}
