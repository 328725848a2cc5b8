using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Serialization;

/// <summary>
/// Makes the <see cref="WireField{TModel}"/> kinds the models use. Each reads leniently (JSON <c>null</c> is "unset";
/// a token of the wrong kind is refused so the converter keeps it raw) and writes nothing for an unset value. A field
/// made without a setter only writes.
/// </summary>
internal static class WireFields
{
    public static WireField<TModel> String<TModel>(string name, Func<TModel, string?> get, Action<TModel, string?>? set = null)
        where TModel : class
        => new StringField<TModel>(name, get, set);

    public static WireField<TModel> Enum<TModel, TEnum>(string name, Func<TModel, TEnum> get, Action<TModel, TEnum>? set = null)
        where TModel : class
        where TEnum : struct, IExtensibleEnum<TEnum>
        => new EnumField<TModel, TEnum>(name, get, set);

    public static WireField<TModel> NullableEnum<TModel, TEnum>(string name, Func<TModel, TEnum?> get, Action<TModel, TEnum?>? set = null)
        where TModel : class
        where TEnum : struct, IExtensibleEnum<TEnum>
        => new NullableEnumField<TModel, TEnum>(name, get, set);

    public static WireField<TModel> Timestamp<TModel>(string name, Func<TModel, DateTimeOffset?> get, Action<TModel, DateTimeOffset?>? set = null)
        where TModel : class
        => new TimestampField<TModel>(name, get, set);

    public static WireField<TModel> Uri<TModel>(string name, Func<TModel, Uri?> get, Action<TModel, Uri?>? set = null)
        where TModel : class
        => new UriField<TModel>(name, get, set);

    public static WireField<TModel> Int32<TModel>(string name, Func<TModel, int?> get, Action<TModel, int?>? set = null)
        where TModel : class
        => new Int32Field<TModel>(name, get, set);

    public static WireField<TModel> Boolean<TModel>(string name, Func<TModel, bool?> get, Action<TModel, bool?>? set = null)
        where TModel : class
        => new BooleanField<TModel>(name, get, set);

    /// <summary>A nested wire object, read and written by its own converter.</summary>
    public static WireField<TModel> Object<TModel, TValue>(
        string name, WireObjectConverter<TValue> converter, Func<TModel, TValue?> get, Action<TModel, TValue?>? set = null)
        where TModel : class
        where TValue : class
        => new ObjectField<TModel, TValue>(name, converter, get, set);

    /// <summary>A nested object without AdditionalProperties, written by the source-generated serializer.</summary>
    public static WireField<TModel> Generated<TModel, TValue>(string name, Func<TModel, TValue?> get)
        where TModel : class
        where TValue : class
        => new GeneratedField<TModel, TValue>(name, get);

    /// <summary>An array of wire objects; entries that are not objects are left out and the raw array kept beside.</summary>
    public static WireField<TModel> List<TModel, TItem>(
        string name, WireObjectConverter<TItem> converter, Func<TModel, IReadOnlyList<TItem>?> get, Action<TModel, IReadOnlyList<TItem>?>? set = null)
        where TModel : class
        where TItem : class
        => new ListField<TModel, TItem>(name, converter, get, set);

    /// <summary>An array of integers (written only: requests are read by the source generator).</summary>
    public static WireField<TModel> Int32List<TModel>(string name, Func<TModel, IReadOnlyList<int>?> get)
        where TModel : class
        => new Int32ListField<TModel>(name, get);

    private abstract class Field<TModel, TValue>(string name, Func<TModel, TValue> get, Action<TModel, TValue>? set) : WireField<TModel>(name)
        where TModel : class
    {
        protected Func<TModel, TValue> Get { get; } = get;

        public override bool CanRead => set is not null;

        protected void Set(TModel model, TValue value)
            => (set ?? throw new InvalidOperationException($"The wire field '{Name}' is write-only."))(model, value);
    }

    private sealed class StringField<TModel>(string name, Func<TModel, string?> get, Action<TModel, string?>? set)
        : Field<TModel, string?>(name, get, set)
        where TModel : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    Set(model, reader.GetString());
                    return true;
                case JsonTokenType.Null:
                    Set(model, null);
                    return true;
                default:
                    return false;
            }
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            if (Get(model) is { } value)
            {
                writer.WriteString(EncodedName, value);
            }
        }
    }

    private sealed class EnumField<TModel, TEnum>(string name, Func<TModel, TEnum> get, Action<TModel, TEnum>? set)
        : Field<TModel, TEnum>(name, get, set)
        where TModel : class
        where TEnum : struct, IExtensibleEnum<TEnum>
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    Set(model, ExtensibleEnumConverter<TEnum>.ReadString(ref reader));
                    return true;
                case JsonTokenType.Null:
                    Set(model, default);
                    return true;
                default:
                    return false;
            }
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            // An unset value (absent or null in the JSON it came from) is written as nothing, never as "".
            var value = Get(model);
            if (value.HasValue)
            {
                writer.WriteString(EncodedName, value.Value);
            }
        }
    }

    private sealed class NullableEnumField<TModel, TEnum>(string name, Func<TModel, TEnum?> get, Action<TModel, TEnum?>? set)
        : Field<TModel, TEnum?>(name, get, set)
        where TModel : class
        where TEnum : struct, IExtensibleEnum<TEnum>
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    Set(model, ExtensibleEnumConverter<TEnum>.ReadString(ref reader));
                    return true;
                case JsonTokenType.Null:
                    Set(model, null);
                    return true;
                default:
                    return false;
            }
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            // A request's enum is written as set, even an empty string: the caller typed it, the server judges it.
            if (Get(model) is { } value)
            {
                writer.WriteString(EncodedName, value.Value);
            }
        }
    }

    private sealed class TimestampField<TModel>(string name, Func<TModel, DateTimeOffset?> get, Action<TModel, DateTimeOffset?>? set)
        : Field<TModel, DateTimeOffset?>(name, get, set)
        where TModel : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                Set(model, null);
                return true;
            }

            if (reader.TokenType == JsonTokenType.String && Timestamps.TryRead(ref reader, out var value))
            {
                Set(model, value);
                return true;
            }

            Set(model, null);
            return false;
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            // UTC as the API writes it ("…Z"), any other offset as it was read.
            if (Get(model) is { } value)
            {
                if (value.Offset == TimeSpan.Zero)
                {
                    writer.WriteString(EncodedName, value.UtcDateTime);
                }
                else
                {
                    writer.WriteString(EncodedName, value);
                }
            }
        }
    }

    private sealed class UriField<TModel>(string name, Func<TModel, Uri?> get, Action<TModel, Uri?>? set)
        : Field<TModel, Uri?>(name, get, set)
        where TModel : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                Set(model, null);
                return true;
            }

            // Only an absolute URL is a usable download address; anything else stays raw for the caller to see.
            if (reader.TokenType == JsonTokenType.String && System.Uri.TryCreate(reader.GetString(), UriKind.Absolute, out var uri))
            {
                Set(model, uri);
                return true;
            }

            return false;
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            // OriginalString, as System.Text.Json writes a Uri: the URL exactly as it was given.
            if (Get(model) is { } value)
            {
                writer.WriteString(EncodedName, value.OriginalString);
            }
        }
    }

    private sealed class Int32Field<TModel>(string name, Func<TModel, int?> get, Action<TModel, int?>? set)
        : Field<TModel, int?>(name, get, set)
        where TModel : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                Set(model, null);
                return true;
            }

            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
            {
                Set(model, value);
                return true;
            }

            return false;
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            if (Get(model) is { } value)
            {
                writer.WriteNumber(EncodedName, value);
            }
        }
    }

    private sealed class BooleanField<TModel>(string name, Func<TModel, bool?> get, Action<TModel, bool?>? set)
        : Field<TModel, bool?>(name, get, set)
        where TModel : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                case JsonTokenType.False:
                    Set(model, reader.GetBoolean());
                    return true;
                case JsonTokenType.Null:
                    Set(model, null);
                    return true;
                default:
                    return false;
            }
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            if (Get(model) is { } value)
            {
                writer.WriteBoolean(EncodedName, value);
            }
        }
    }

    private sealed class ObjectField<TModel, TValue>(
        string name, WireObjectConverter<TValue> converter, Func<TModel, TValue?> get, Action<TModel, TValue?>? set)
        : Field<TModel, TValue?>(name, get, set)
        where TModel : class
        where TValue : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Set(model, converter.Read(ref reader, typeof(TValue), options));
                    return true;
                case JsonTokenType.Null:
                    Set(model, null);
                    return true;
                default:
                    return false;
            }
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            if (Get(model) is { } value)
            {
                writer.WritePropertyName(EncodedName);
                converter.Write(writer, value, options);
            }
        }
    }

    private sealed class GeneratedField<TModel, TValue>(string name, Func<TModel, TValue?> get)
        : Field<TModel, TValue?>(name, get, set: null)
        where TModel : class
        where TValue : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
            => throw new InvalidOperationException($"The wire field '{Name}' is write-only.");

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            if (Get(model) is { } value)
            {
                writer.WritePropertyName(EncodedName);
                JsonSerializer.Serialize(writer, value, (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue)));
            }
        }
    }

    private sealed class ListField<TModel, TItem>(
        string name, WireObjectConverter<TItem> converter, Func<TModel, IReadOnlyList<TItem>?> get, Action<TModel, IReadOnlyList<TItem>?>? set)
        : Field<TModel, IReadOnlyList<TItem>?>(name, get, set)
        where TModel : class
        where TItem : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                Set(model, null);
                return true;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            List<TItem>? items = null;
            var complete = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    (items ??= []).Add(converter.Read(ref reader, typeof(TItem), options)!);
                }
                else
                {
                    complete = false;
                    reader.Skip();
                }
            }

            // An empty array (every generation until it completes) shares one empty instance.
            Set(model, items is null ? Array.Empty<TItem>() : items);
            return complete;
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            if (Get(model) is not { } items)
            {
                return;
            }

            writer.WriteStartArray(EncodedName);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } item)
                {
                    converter.Write(writer, item, options);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndArray();
        }
    }

    private sealed class Int32ListField<TModel>(string name, Func<TModel, IReadOnlyList<int>?> get)
        : Field<TModel, IReadOnlyList<int>?>(name, get, set: null)
        where TModel : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
            => throw new InvalidOperationException($"The wire field '{Name}' is write-only.");

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            if (Get(model) is not { } values)
            {
                return;
            }

            writer.WriteStartArray(EncodedName);
            for (var i = 0; i < values.Count; i++)
            {
                writer.WriteNumberValue(values[i]);
            }

            writer.WriteEndArray();
        }
    }
}
