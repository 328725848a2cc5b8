using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>The layer of a layering output.</summary>
public sealed record OutputLayer
{
    /// <summary>The layer's position in the stack.</summary>
    public int? Index { get; set; }

    /// <summary>A short name for the layer.</summary>
    public string? Label { get; set; }

    /// <summary>What the layer shows.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// How to use the layer's alpha: soft, hard or none, or a hint this SDK does not know. When the server sends
    /// something that is not a string, this is null and the raw value is in <see cref="AdditionalProperties"/>.
    /// </summary>
    public AlphaHint? AlphaHint { get; set; }

    /// <summary>
    /// Where the layer sits on its canvas, when the server says. When it sends something that is not an object, this
    /// is null and the raw value is in <see cref="AdditionalProperties"/>.
    /// </summary>
    public LayerBounds? Bounds { get; set; }

    /// <summary>
    /// Members this SDK does not model, and modelled members whose JSON it could not read (kept raw under their JSON
    /// name).
    /// </summary>
    /// <remarks>
    /// On write an entry replaces the typed property of the same JSON name, so a raw value read from the server goes
    /// back as it came.
    /// </remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
