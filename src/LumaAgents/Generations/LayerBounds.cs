using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>
/// Where a layer sits on its canvas, in pixels (<c>layer.bounds</c> of a layering output). Every member is optional:
/// the server may send some, all or none of them.
/// </summary>
public sealed record LayerBounds
{
    /// <summary>The left edge of the layer's box, from the canvas's left edge.</summary>
    public int? X { get; set; }

    /// <summary>The top edge of the layer's box, from the canvas's top edge.</summary>
    public int? Y { get; set; }

    /// <summary>The box's width.</summary>
    public int? Width { get; set; }

    /// <summary>The box's height.</summary>
    public int? Height { get; set; }

    /// <summary>The width of the canvas the box is on.</summary>
    public int? CanvasWidth { get; set; }

    /// <summary>The height of the canvas the box is on.</summary>
    public int? CanvasHeight { get; set; }

    /// <summary>
    /// Members this SDK does not model, and modelled members whose JSON it could not read (a fraction where an
    /// integer is expected, say), kept raw under their JSON name.
    /// </summary>
    /// <remarks>On write an entry replaces the typed property of the same JSON name.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
