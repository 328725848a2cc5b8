using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The aspect ratio of an output. Images accept 3:1, 2:1, 16:9, 3:2, 1:1, 2:3, 9:16, 1:2 and 1:3; video and reframe accept 9:16, 3:4, 1:1, 4:3, 16:9 and 21:9.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<AspectRatio>))]
public readonly partial struct AspectRatio
{
    /// <summary>3:1 (images). Wire value <c>3:1</c>.</summary>
    [WireValue("3:1")]
    public static partial AspectRatio Ratio3x1 { get; }

    /// <summary>2:1 (images). Wire value <c>2:1</c>.</summary>
    [WireValue("2:1")]
    public static partial AspectRatio Ratio2x1 { get; }

    /// <summary>21:9 (video). Wire value <c>21:9</c>.</summary>
    [WireValue("21:9")]
    public static partial AspectRatio Ratio21x9 { get; }

    /// <summary>16:9 (images and video). Wire value <c>16:9</c>.</summary>
    [WireValue("16:9")]
    public static partial AspectRatio Ratio16x9 { get; }

    /// <summary>4:3 (video). Wire value <c>4:3</c>.</summary>
    [WireValue("4:3")]
    public static partial AspectRatio Ratio4x3 { get; }

    /// <summary>3:2 (images). Wire value <c>3:2</c>.</summary>
    [WireValue("3:2")]
    public static partial AspectRatio Ratio3x2 { get; }

    /// <summary>1:1 (images and video). Wire value <c>1:1</c>.</summary>
    [WireValue("1:1")]
    public static partial AspectRatio Ratio1x1 { get; }

    /// <summary>3:4 (video). Wire value <c>3:4</c>.</summary>
    [WireValue("3:4")]
    public static partial AspectRatio Ratio3x4 { get; }

    /// <summary>2:3 (images). Wire value <c>2:3</c>.</summary>
    [WireValue("2:3")]
    public static partial AspectRatio Ratio2x3 { get; }

    /// <summary>9:16 (images and video). Wire value <c>9:16</c>.</summary>
    [WireValue("9:16")]
    public static partial AspectRatio Ratio9x16 { get; }

    /// <summary>1:2 (images). Wire value <c>1:2</c>.</summary>
    [WireValue("1:2")]
    public static partial AspectRatio Ratio1x2 { get; }

    /// <summary>1:3 (images). Wire value <c>1:3</c>.</summary>
    [WireValue("1:3")]
    public static partial AspectRatio Ratio1x3 { get; }
}
