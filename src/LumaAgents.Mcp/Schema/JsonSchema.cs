using System.Text.Json;
using System.Text.Json.Nodes;

namespace LumaAgents.Mcp.Schema;

/// <summary>
/// A small builder for the JSON Schemas of the tools (draft 2020-12 keywords that every MCP client understands:
/// type, properties, required, additionalProperties, items, enum, minimum, maximum, maxItems, maxLength). Each call
/// makes new nodes, because a <see cref="JsonNode"/> can have only one parent.
/// </summary>
internal static class JsonSchema
{
    /// <summary>An object whose properties are exactly these (unknown names are refused).</summary>
    public static JsonObject Object(string? description, params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        var result = new JsonObject { ["type"] = "object" };
        if (description is not null)
        {
            result["description"] = description;
        }

        result["properties"] = props;
        result["additionalProperties"] = false;
        return result;
    }

    /// <summary>An object that may carry fields not listed (shapes the API does not document fully).</summary>
    public static JsonObject OpenObject(string description)
        => new() { ["type"] = "object", ["description"] = description, ["additionalProperties"] = true };

    public static JsonObject String(string description, int? maxLength = null)
    {
        var result = new JsonObject { ["type"] = "string", ["description"] = description };
        if (maxLength is { } max)
        {
            result["maxLength"] = max;
        }

        return result;
    }

    /// <summary>A string with the values this SDK knows listed as <c>enum</c>.</summary>
    public static JsonObject Enum(IEnumerable<string> knownValues, string description)
    {
        var values = new JsonArray();
        foreach (var value in knownValues)
        {
            values.Add(value);
        }

        return new JsonObject { ["type"] = "string", ["enum"] = values, ["description"] = description };
    }

    public static JsonObject Boolean(string description) => new() { ["type"] = "boolean", ["description"] = description };

    public static JsonObject Number(string description, double? minimum = null, double? maximum = null, bool integer = false)
    {
        var result = new JsonObject { ["type"] = integer ? "integer" : "number", ["description"] = description };
        if (minimum is { } min)
        {
            result["minimum"] = min;
        }

        if (maximum is { } max)
        {
            result["maximum"] = max;
        }

        return result;
    }

    public static JsonObject Integer(string description, long? minimum = null, long? maximum = null)
        => Number(description, minimum, maximum, integer: true);

    public static JsonObject Array(JsonObject items, string description, int? maxItems = null)
    {
        var result = new JsonObject { ["type"] = "array", ["description"] = description, ["items"] = items };
        if (maxItems is { } max)
        {
            result["maxItems"] = max;
        }

        return result;
    }

    /// <summary>The same schema, also allowing JSON null (for output fields the API may leave empty).</summary>
    public static JsonObject OrNull(JsonObject schema)
    {
        schema.Remove("enum");
        var type = schema["type"]!.GetValue<string>();
        schema["type"] = new JsonArray(type, "null");
        return schema;
    }

    /// <summary>Marks properties as required.</summary>
    public static JsonObject Require(this JsonObject schema, params string[] names)
    {
        var required = new JsonArray();
        foreach (var name in names)
        {
            required.Add(name);
        }

        schema["required"] = required;
        return schema;
    }

    /// <summary>Adds properties to an object schema (the extra fields of one tool's output over a shared shape).</summary>
    public static JsonObject With(this JsonObject schema, params (string Name, JsonObject Schema)[] properties)
    {
        var props = schema["properties"]!.AsObject();
        foreach (var (name, property) in properties)
        {
            props[name] = property;
        }

        return schema;
    }

    /// <summary>The schema as the element type the MCP SDK's <c>Tool</c> carries.</summary>
    public static JsonElement ToElement(JsonObject schema) => JsonElement.Parse(schema.ToJsonString());
}
