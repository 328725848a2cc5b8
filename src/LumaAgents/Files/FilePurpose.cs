using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// What an uploaded file is for (<c>purpose</c> of the files API): the primary subject of a generation, or guidance for
/// its style or content. The API will grow this list.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<FilePurpose>))]
public readonly partial struct FilePurpose
{
    /// <summary>The primary subject (for example the image to edit). Wire value <c>input</c>.</summary>
    [WireValue("input")]
    public static partial FilePurpose Input { get; }

    /// <summary>Style or content guidance (for example a reference image). Wire value <c>reference</c>.</summary>
    [WireValue("reference")]
    public static partial FilePurpose Reference { get; }
}
