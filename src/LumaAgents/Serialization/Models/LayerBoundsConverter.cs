using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>Reads and writes <see cref="LayerBounds"/> tolerantly.</summary>
internal sealed class LayerBoundsConverter : ResponseObjectConverter<LayerBounds>
{
    public LayerBoundsConverter()
        : base(
        [
            WireFields.Int32<LayerBounds>("x", b => b.X, (b, v) => b.X = v),
            WireFields.Int32<LayerBounds>("y", b => b.Y, (b, v) => b.Y = v),
            WireFields.Int32<LayerBounds>("width", b => b.Width, (b, v) => b.Width = v),
            WireFields.Int32<LayerBounds>("height", b => b.Height, (b, v) => b.Height = v),
            WireFields.Int32<LayerBounds>("canvas_width", b => b.CanvasWidth, (b, v) => b.CanvasWidth = v),
            WireFields.Int32<LayerBounds>("canvas_height", b => b.CanvasHeight, (b, v) => b.CanvasHeight = v),
        ])
    {
    }

    /// <summary>The instance nested models use.</summary>
    public static LayerBoundsConverter Instance { get; } = new();

    protected override LayerBounds Create() => new();

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(LayerBounds model) => model.AdditionalProperties;

    protected override void SetAdditionalProperties(LayerBounds model, IDictionary<string, JsonElement>? additionalProperties)
        => model.AdditionalProperties = additionalProperties;
}
