using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Serialization;

/// <summary>
/// A request model: written from its field table (so AdditionalProperties replace typed members), read strictly by
/// the source-generated serializer (<see cref="RequestReadingContext"/>), where a value of the wrong JSON type is a
/// <see cref="JsonException"/> rather than something silently sent on. Requests are init-only records, which a
/// field table cannot fill.
/// </summary>
internal abstract class RequestObjectConverter<TModel> : WireObjectConverter<TModel>
    where TModel : class
{
    protected RequestObjectConverter(WireField<TModel>[] fields)
        : base(fields)
    {
    }

    /// <summary>The source-generated metadata that reads the model.</summary>
    protected abstract JsonTypeInfo<TModel> ReadingTypeInfo { get; }

    public override TModel? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonSerializer.Deserialize(ref reader, ReadingTypeInfo);
}
