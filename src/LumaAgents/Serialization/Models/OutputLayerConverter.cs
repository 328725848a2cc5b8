using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>Reads and writes <see cref="OutputLayer"/> tolerantly.</summary>
internal sealed class OutputLayerConverter : ResponseObjectConverter<OutputLayer>
{
    public OutputLayerConverter()
        : base(
        [
            WireFields.Int32<OutputLayer>("index", l => l.Index, (l, v) => l.Index = v),
            WireFields.String<OutputLayer>("label", l => l.Label, (l, v) => l.Label = v),
            WireFields.String<OutputLayer>("description", l => l.Description, (l, v) => l.Description = v),
            WireFields.NullableEnum<OutputLayer, AlphaHint>("alpha_hint", l => l.AlphaHint, (l, v) => l.AlphaHint = v),
            WireFields.Object<OutputLayer, LayerBounds>("bounds", LayerBoundsConverter.Instance, l => l.Bounds, (l, v) => l.Bounds = v),
        ])
    {
    }

    /// <summary>The instance nested models use.</summary>
    public static OutputLayerConverter Instance { get; } = new();

    protected override OutputLayer Create() => new();

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(OutputLayer model) => model.AdditionalProperties;

    protected override void SetAdditionalProperties(OutputLayer model, IDictionary<string, JsonElement>? additionalProperties)
        => model.AdditionalProperties = additionalProperties;
}
