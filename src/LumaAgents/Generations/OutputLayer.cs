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

    /// <summary>The alpha hint, kept as raw JSON because the API does not document its shape.</summary>
    public JsonElement? AlphaHint { get; set; }

    /// <summary>The layer's bounds, kept as raw JSON because the API does not document their shape.</summary>
    public JsonElement? Bounds { get; set; }

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
