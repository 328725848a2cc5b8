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
        => new ScalarField<TModel, string?>(name, get, set, StringScalar.Instance);

    public static WireField<TModel> Enum<TModel, TEnum>(string name, Func<TModel, TEnum> get, Action<TModel, TEnum>? set = null)
        where TModel : class
        where TEnum : struct, IExtensibleEnum<TEnum>
        => new ScalarField<TModel, TEnum>(name, get, set, EnumScalar<TEnum>.Instance);

    public static WireField<TModel> NullableEnum<TModel, TEnum>(string name, Func<TModel, TEnum?> get, Action<TModel, TEnum?>? set = null)
        where TModel : class
        where TEnum : struct, IExtensibleEnum<TEnum>
        => new ScalarField<TModel, TEnum?>(name, get, set, NullableEnumScalar<TEnum>.Instance);

    public static WireField<TModel> Timestamp<TModel>(string name, Func<TModel, DateTimeOffset?> get, Action<TModel, DateTimeOffset?>? set = null)
        where TModel : class
        => new ScalarField<TModel, DateTimeOffset?>(name, get, set, TimestampScalar.Instance);

    public static WireField<TModel> Uri<TModel>(string name, Func<TModel, Uri?> get, Action<TModel, Uri?>? set = null)
        where TModel : class
        => new ScalarField<TModel, Uri?>(name, get, set, UriScalar.Instance);

    public static WireField<TModel> Int32<TModel>(string name, Func<TModel, int?> get, Action<TModel, int?>? set = null)
        where TModel : class
        => new ScalarField<TModel, int?>(name, get, set, Int32Scalar.Instance);

    public static WireField<TModel> Int64<TModel>(string name, Func<TModel, long?> get, Action<TModel, long?>? set = null)
        where TModel : class
        => new ScalarField<TModel, long?>(name, get, set, Int64Scalar.Instance);

    public static WireField<TModel> Boolean<TModel>(string name, Func<TModel, bool?> get, Action<TModel, bool?>? set = null)
        where TModel : class
        => new ScalarField<TModel, bool?>(name, get, set, BooleanScalar.Instance);

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

    /// <summary>A member holding one JSON value: JSON null is unset, a token the scalar cannot read is kept raw.</summary>
    private sealed class ScalarField<TModel, TValue>(string name, Func<TModel, TValue> get, Action<TModel, TValue>? set, Scalar<TValue> scalar)
        : Field<TModel, TValue>(name, get, set)
        where TModel : class
    {
        public override bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                Set(model, default!);
                return true;
            }

            if (!scalar.TryRead(ref reader, out var value))
            {
                return false;
            }

            Set(model, value);
            return true;
        }

        public override void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options)
        {
            var value = Get(model);
            if (scalar.IsSet(value))
            {
                scalar.Write(writer, EncodedName, value);
            }
        }
    }

    /// <summary>How one kind of JSON value is read and written.</summary>
    private abstract class Scalar<TValue>
    {
        /// <summary>Reads the (non-null) token the reader is on; false when it is not this kind of value.</summary>
        public abstract bool TryRead(ref Utf8JsonReader reader, out TValue value);

        /// <summary>Whether there is a value to write (an unset one writes nothing).</summary>
        public virtual bool IsSet(TValue value) => value is not null;

        public abstract void Write(Utf8JsonWriter writer, JsonEncodedText name, TValue value);
    }

    private sealed class StringScalar : Scalar<string?>
    {
        public static StringScalar Instance { get; } = new();

        public override bool TryRead(ref Utf8JsonReader reader, out string? value)
        {
            value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return reader.TokenType == JsonTokenType.String;
        }

        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, string? value) => writer.WriteString(name, value);
    }

    private sealed class EnumScalar<TEnum> : Scalar<TEnum>
        where TEnum : struct, IExtensibleEnum<TEnum>
    {
        public static EnumScalar<TEnum> Instance { get; } = new();

        public override bool TryRead(ref Utf8JsonReader reader, out TEnum value)
        {
            value = reader.TokenType == JsonTokenType.String ? ExtensibleEnumConverter<TEnum>.ReadString(ref reader) : default;
            return reader.TokenType == JsonTokenType.String;
        }

        // An unset value (absent or null in the JSON it came from) is written as nothing, never as "".
        public override bool IsSet(TEnum value) => value.HasValue;

        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, TEnum value) => writer.WriteString(name, value.Value);
    }

    private sealed class NullableEnumScalar<TEnum> : Scalar<TEnum?>
        where TEnum : struct, IExtensibleEnum<TEnum>
    {
        public static NullableEnumScalar<TEnum> Instance { get; } = new();

        public override bool TryRead(ref Utf8JsonReader reader, out TEnum? value)
        {
            var read = EnumScalar<TEnum>.Instance.TryRead(ref reader, out var known);
            value = read ? known : null;
            return read;
        }

        // A request's enum is written as set, even an empty string: the caller typed it, the server judges it.
        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value) => writer.WriteString(name, value!.Value.Value);
    }

    private sealed class TimestampScalar : Scalar<DateTimeOffset?>
    {
        public static TimestampScalar Instance { get; } = new();

        public override bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset? value)
        {
            value = null;
            if (reader.TokenType != JsonTokenType.String || !Timestamps.TryRead(ref reader, out var moment))
            {
                return false;
            }

            value = moment;
            return true;
        }

        // UTC as the API writes it ("…Z"), any other offset as it was read.
        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
        {
            if (value!.Value.Offset == TimeSpan.Zero)
            {
                writer.WriteString(name, value.Value.UtcDateTime);
            }
            else
            {
                writer.WriteString(name, value.Value);
            }
        }
    }

    private sealed class UriScalar : Scalar<Uri?>
    {
        public static UriScalar Instance { get; } = new();

        // Only an absolute URL is a usable download address; anything else stays raw for the caller to see.
        public override bool TryRead(ref Utf8JsonReader reader, out Uri? value)
        {
            value = null;
            return reader.TokenType == JsonTokenType.String && System.Uri.TryCreate(reader.GetString(), UriKind.Absolute, out value);
        }

        // OriginalString, as System.Text.Json writes a Uri: the URL exactly as it was given.
        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, Uri? value) => writer.WriteString(name, value!.OriginalString);
    }

    private sealed class Int32Scalar : Scalar<int?>
    {
        public static Int32Scalar Instance { get; } = new();

        public override bool TryRead(ref Utf8JsonReader reader, out int? value)
        {
            value = null;
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
            {
                return false;
            }

            value = number;
            return true;
        }

        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, int? value) => writer.WriteNumber(name, value!.Value);
    }

    private sealed class Int64Scalar : Scalar<long?>
    {
        public static Int64Scalar Instance { get; } = new();

        public override bool TryRead(ref Utf8JsonReader reader, out long? value)
        {
            value = null;
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
            {
                return false;
            }

            value = number;
            return true;
        }

        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, long? value) => writer.WriteNumber(name, value!.Value);
    }

    private sealed class BooleanScalar : Scalar<bool?>
    {
        public static BooleanScalar Instance { get; } = new();

        public override bool TryRead(ref Utf8JsonReader reader, out bool? value)
        {
            var read = reader.TokenType is JsonTokenType.True or JsonTokenType.False;
            value = read ? reader.GetBoolean() : null;
            return read;
        }

        public override void Write(Utf8JsonWriter writer, JsonEncodedText name, bool? value) => writer.WriteBoolean(name, value!.Value);
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
