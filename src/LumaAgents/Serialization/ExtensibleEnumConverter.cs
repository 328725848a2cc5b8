using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents.Serialization;

/// <summary>
/// Reads and writes an extensible enum as its wire string. Values the SDK does not know (a new model, a
/// <c>pending</c> state from a proxy) are kept as they are, never rejected; JSON <c>null</c> reads as the unset
/// (default) value and the unset value writes as <c>null</c>, never as <c>""</c>.
/// </summary>
internal sealed class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.String => ReadString(ref reader),
            JsonTokenType.Null => default,
            _ => throw new JsonException($"Expected a JSON string for {typeof(T).Name} but found {reader.TokenType}."),
        };
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!value.HasValue)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }

    /// <summary>Reads the string token the reader is on.</summary>
    internal static T ReadString(ref Utf8JsonReader reader)
    {
        // Known values are matched on the raw UTF-8 so the common case allocates nothing.
        var known = default(T).KnownValues;
        for (var i = 0; i < known.Count; i++)
        {
            if (reader.ValueTextEquals(known[i].Value))
            {
                return known[i];
            }
        }

        return default(T).FromWire(reader.GetString()!);
    }
}
