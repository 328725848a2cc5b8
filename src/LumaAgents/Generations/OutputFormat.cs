using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The file format of an image output.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<OutputFormat>))]
public readonly partial struct OutputFormat
{
    /// <summary>PNG. Wire value <c>png</c>.</summary>
    [WireValue("png")]
    public static partial OutputFormat Png { get; }

    /// <summary>JPEG. Wire value <c>jpeg</c>.</summary>
    [WireValue("jpeg")]
    public static partial OutputFormat Jpeg { get; }
}
