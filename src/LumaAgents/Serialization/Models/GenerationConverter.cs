using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>Reads and writes <see cref="Generation"/> (reference §3) tolerantly.</summary>
internal sealed class GenerationConverter : ResponseObjectConverter<Generation>
{
    public GenerationConverter()
        : base(
        [
            WireFields.String<Generation>("id", g => g.WireId, (g, v) => g.Id = v!),
            WireFields.Timestamp<Generation>("created_at", g => g.CreatedAt, (g, v) => g.CreatedAt = v),
            WireFields.Enum<Generation, GenerationModel>("model", g => g.Model, (g, v) => g.Model = v),
            WireFields.Enum<Generation, GenerationType>("type", g => g.Type, (g, v) => g.Type = v),
            WireFields.Enum<Generation, GenerationState>("state", g => g.State, (g, v) => g.State = v),
            WireFields.NullableEnum<Generation, FailureCode>("failure_code", g => g.FailureCode, (g, v) => g.FailureCode = v),
            WireFields.String<Generation>("failure_reason", g => g.FailureReason, (g, v) => g.FailureReason = v),
            WireFields.List<Generation, GenerationOutput>("output", GenerationOutputConverter.Instance, g => g.WireOutput, (g, v) => g.Output = v!),
        ])
    {
    }

    protected override Generation Create() => new();

    protected override IDictionary<string, JsonElement>? GetAdditionalProperties(Generation model) => model.AdditionalProperties;

    protected override void SetAdditionalProperties(Generation model, IDictionary<string, JsonElement>? additionalProperties)
        => model.AdditionalProperties = additionalProperties;

    protected override void OnRead(Generation model)
    {
        if (model.WireOutput is null && LegacyOutputs.From(model.AdditionalProperties) is { } outputs)
        {
            model.SetDerivedOutput(outputs);
        }
    }
}
