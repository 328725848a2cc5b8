using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// How far a video edit may move away from its source, from adhering closely to reimagining freely.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<VideoEditStrength>))]
public readonly partial struct VideoEditStrength
{
    /// <summary>Adhere, level 1. Wire value <c>adhere_1</c>.</summary>
    [WireValue("adhere_1")]
    public static partial VideoEditStrength Adhere1 { get; }

    /// <summary>Adhere, level 2. Wire value <c>adhere_2</c>.</summary>
    [WireValue("adhere_2")]
    public static partial VideoEditStrength Adhere2 { get; }

    /// <summary>Adhere, level 3. Wire value <c>adhere_3</c>.</summary>
    [WireValue("adhere_3")]
    public static partial VideoEditStrength Adhere3 { get; }

    /// <summary>Flex, level 1. Wire value <c>flex_1</c>.</summary>
    [WireValue("flex_1")]
    public static partial VideoEditStrength Flex1 { get; }

    /// <summary>Flex, level 2. Wire value <c>flex_2</c>.</summary>
    [WireValue("flex_2")]
    public static partial VideoEditStrength Flex2 { get; }

    /// <summary>Flex, level 3. Wire value <c>flex_3</c>.</summary>
    [WireValue("flex_3")]
    public static partial VideoEditStrength Flex3 { get; }

    /// <summary>Reimagine, level 1. Wire value <c>reimagine_1</c>.</summary>
    [WireValue("reimagine_1")]
    public static partial VideoEditStrength Reimagine1 { get; }

    /// <summary>Reimagine, level 2. Wire value <c>reimagine_2</c>.</summary>
    [WireValue("reimagine_2")]
    public static partial VideoEditStrength Reimagine2 { get; }

    /// <summary>Reimagine, level 3. Wire value <c>reimagine_3</c>.</summary>
    [WireValue("reimagine_3")]
    public static partial VideoEditStrength Reimagine3 { get; }
}
