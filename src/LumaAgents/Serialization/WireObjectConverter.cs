using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents.Serialization;

/// <summary>
/// Writes a model that has <c>AdditionalProperties</c> from a table of its fields, so that one rule holds for every
/// such model: <b>an AdditionalProperties entry replaces the typed member of the same JSON name</b> (written once, in
/// the typed member's place; a JSON <c>null</c> entry sends an explicit <c>null</c>, an undefined
/// <see cref="JsonElement"/> sends nothing), and unset members are left out. Reading is the subclasses' business:
/// responses read tolerantly (<see cref="ResponseObjectConverter{TModel}"/>), requests strictly
/// (<see cref="RequestObjectConverter{TModel}"/>).
/// </summary>
/// <remarks>
/// The source generator's own metadata cannot express the replacement rule, and contract modifiers would box every
/// value-typed member on write; a table of typed fields costs one delegate call per member and allocates nothing.
/// </remarks>
internal abstract class WireObjectConverter<TModel> : JsonConverter<TModel>
    where TModel : class
{
    private readonly WireField<TModel>[] _fields;

    protected WireObjectConverter(WireField<TModel>[] fields) => _fields = fields;

    /// <summary>The fields, in the order they are written.</summary>
    protected IReadOnlyList<WireField<TModel>> Fields => _fields;

    /// <summary>The model's AdditionalProperties.</summary>
    protected abstract IDictionary<string, JsonElement>? GetAdditionalProperties(TModel model);

    /// <summary>Whether a field is written at all (a model may hold a value it derived rather than read).</summary>
    protected virtual bool ShouldWrite(TModel model, WireField<TModel> field) => true;

    public override void Write(Utf8JsonWriter writer, TModel value, JsonSerializerOptions options)
    {
        var extra = GetAdditionalProperties(value);
        JsonElement?[]? replacements = null;
        if (extra is { Count: > 0 })
        {
            // JSON names compare ordinally, whatever comparer the caller's dictionary has.
            foreach (var pair in extra)
            {
                var index = IndexOf(pair.Key);
                if (index >= 0)
                {
                    replacements ??= new JsonElement?[_fields.Length];
                    replacements[index] = pair.Value;
                }
            }
        }

        writer.WriteStartObject();
        for (var i = 0; i < _fields.Length; i++)
        {
            if (replacements?[i] is { } replacement)
            {
                WriteRaw(writer, _fields[i].Name, replacement);
            }
            else if (ShouldWrite(value, _fields[i]))
            {
                _fields[i].Write(writer, value, options);
            }
        }

        if (extra is { Count: > 0 })
        {
            foreach (var pair in extra)
            {
                if (replacements is null || IndexOf(pair.Key) < 0)
                {
                    WriteRaw(writer, pair.Key, pair.Value);
                }
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The index of the field of this JSON name (ordinal), or -1.</summary>
    private int IndexOf(string name)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.Equals(_fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteRaw(Utf8JsonWriter writer, string name, JsonElement value)
    {
        // default(JsonElement) cannot be written; it means "send nothing", which also silences the typed member.
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return;
        }

        writer.WritePropertyName(name);
        value.WriteTo(writer);
    }
}
