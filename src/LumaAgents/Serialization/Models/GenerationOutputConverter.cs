using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>Reads and writes <see cref="GenerationOutput"/> tolerantly.</summary>
internal sealed class GenerationOutputConverter : ResponseObjectConverter<GenerationOutput>
{
    public GenerationOutputConverter()
        : base(
        [
            WireFields.Enum<GenerationOutput, GenerationOutputType>("type", o => o.Type, (o, v) => o.Type = v),
            WireFields.Uri<GenerationOutput>("url", o => o.Url, (o, v) => o.Url = v),
            WireFields.Object<GenerationOutput, OutputLayer>("layer", OutputLayerConverter.Instance, o => o.Layer, (o, v) => o.Layer = v),
        ])
    {
    }

    /// <summary>The instance nested models use.</summary>
    public static GenerationOutputConverter Instance { get; } = new();

    protected override GenerationOutput Create() => new();

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(GenerationOutput model) => model.AdditionalProperties;

    protected override void SetAdditionalProperties(GenerationOutput model, IDictionary<string, JsonElement>? additionalProperties)
        => model.AdditionalProperties = additionalProperties;
}
