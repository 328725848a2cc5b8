using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>
/// Reads a response model tolerantly: whatever the server or a proxy sends, the model keeps what parses and nothing
/// is thrown for a member's content. An unknown member, and a modelled member whose JSON is not what the model
/// expects (a number for a string, an object for an array, an unreadable timestamp), is kept raw in
/// <c>AdditionalProperties</c> under its JSON name; JSON <c>null</c> leaves a member unset. Only a body that is not
/// a JSON object at all is an error.
/// </summary>
internal abstract class ResponseObjectConverter<TModel> : WireObjectConverter<TModel>
    where TModel : class
{
    protected ResponseObjectConverter(WireField<TModel>[] fields)
        : base(fields)
    {
        foreach (var field in fields)
        {
            if (!field.CanRead)
            {
                throw new InvalidOperationException($"The response field '{field.Name}' of {typeof(TModel).Name} has no setter.");
            }
        }
    }

    /// <summary>A new, empty model.</summary>
    protected abstract TModel Create();

    /// <summary>Stores what was kept raw (null when nothing was).</summary>
    protected abstract void SetAdditionalProperties(TModel model, IDictionary<string, JsonElement>? additionalProperties);

    /// <summary>Completes a model after every member was read (for example from an older shape of the API).</summary>
    protected virtual void OnRead(TModel model)
    {
    }

    public override TModel? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(TModel).Name} but found {reader.TokenType}.");
        }

        var model = Create();
        Dictionary<string, JsonElement>? extra = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Find(ref reader);
            var name = field is null ? reader.GetString()! : field.Name;
            reader.Read();
            if (field is not null)
            {
                // The reader is a struct: a copy is a bookmark to come back to if the value is not what the field models.
                var start = reader;
                if (field.TryRead(ref reader, model, options))
                {
                    continue;
                }

                reader = start;
            }

            extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            extra[name] = JsonElement.ParseValue(ref reader);
        }

        SetAdditionalProperties(model, extra);
        OnRead(model);
        return model;
    }

    private WireField<TModel>? Find(ref Utf8JsonReader reader)
    {
        var fields = Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].IsNamed(ref reader))
            {
                return fields[i];
            }
        }

        return null;
    }
}
