using System.Text;
using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>
/// One modelled member of a wire object: its JSON name, how to read its value into the model and how to write it
/// back. <see cref="WireObjectConverter{TModel}"/> drives a table of these; <see cref="WireFields"/> makes them.
/// </summary>
internal abstract class WireField<TModel>
    where TModel : class
{
    private readonly byte[] _utf8Name;

    protected WireField(string name)
    {
        Name = name;
        EncodedName = JsonEncodedText.Encode(name);
        _utf8Name = Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The JSON name, as <see cref="WireObjectConverter{TModel}"/> matches it against AdditionalProperties keys.</summary>
    public string Name { get; }

    /// <summary>The JSON name, escaped once for the writer.</summary>
    public JsonEncodedText EncodedName { get; }

    /// <summary>Whether this field can read a value; a request field only writes (requests are read by the source generator).</summary>
    public abstract bool CanRead { get; }

    /// <summary>Whether the property name the reader is on is this field's, compared on the raw UTF-8.</summary>
    public bool IsNamed(ref Utf8JsonReader reader) => reader.ValueTextEquals(_utf8Name);

    /// <summary>
    /// Reads the value the reader is on into <paramref name="model"/>, leaving the reader on the value's last token.
    /// Returns false when the JSON is not what the field models (a number for a string, an object for an array, an
    /// unreadable timestamp): the caller then rewinds and keeps the raw value in AdditionalProperties. A field may have
    /// stored what did parse before returning false (the readable entries of a partly odd array).
    /// </summary>
    public abstract bool TryRead(ref Utf8JsonReader reader, TModel model, JsonSerializerOptions options);

    /// <summary>Writes <c>"name": value</c> when the model has a value for this field, nothing when it is unset.</summary>
    public abstract void Write(Utf8JsonWriter writer, TModel model, JsonSerializerOptions options);
}
