using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LumaAgents.Mcp.Schema;

/// <summary>
/// Checks tool arguments against the tool's own input schema before anything else happens, so a typo such as
/// <c>aspectRatio</c> or a string where a number belongs is an error naming its path instead of being ignored or
/// sent. It understands the keywords <see cref="JsonSchema"/> writes. <c>enum</c> is deliberately not enforced: it
/// lists the values this version knows, and the API (which grows them) is the judge of others, as the SDK's
/// extensible enums are. The tests also use it to check results against the output schemas.
/// </summary>
internal static class SchemaChecker
{
    public static IReadOnlyList<LumaValidationError> Check(JsonNode? value, JsonObject schema)
    {
        var errors = new List<LumaValidationError>();
        Check(value, schema, string.Empty, errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonObject schema, string path, List<LumaValidationError> errors)
    {
        if (!TypeMatches(value, schema["type"], out var expected))
        {
            errors.Add(new(Name(path), $"must be {expected}, not {Describe(value)}"));
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                if (schema["maxItems"] is JsonValue max && array.Count > max.GetValue<int>())
                {
                    errors.Add(new(Name(path), $"has {array.Count} items; at most {max.GetValue<int>()} are allowed"));
                }

                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Check(array[i], items, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors);
                    }
                }

                break;
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                var n = number.GetValue<double>();
                if (schema["minimum"] is JsonValue minimum && n < minimum.GetValue<double>())
                {
                    errors.Add(new(Name(path), $"is {Format(n)}; the smallest allowed is {Format(minimum.GetValue<double>())}"));
                }

                if (schema["maximum"] is JsonValue maximum && n > maximum.GetValue<double>())
                {
                    errors.Add(new(Name(path), $"is {Format(n)}; the largest allowed is {Format(maximum.GetValue<double>())}"));
                }

                break;
        }
    }

    private static void CheckObject(JsonObject obj, JsonObject schema, string path, List<LumaValidationError> errors)
    {
        var properties = schema["properties"] as JsonObject;
        var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, child) in obj)
        {
            var childPath = path.Length == 0 ? name : path + "." + name;

            // Tolerant of clients that send null for an argument they leave unset: it counts as absent (a required
            // one is then reported missing below).
            if (child is null && properties?[name] is { } declared && !AllowsNull(declared))
            {
                continue;
            }

            if (properties?[name] is JsonObject childSchema)
            {
                Check(child, childSchema, childPath, errors);
            }
            else if (schema["additionalProperties"] is JsonValue additional && !additional.GetValue<bool>())
            {
                var known = properties is null ? "none" : string.Join(", ", properties.Select(p => p.Key));
                errors.Add(new(childPath, $"is not a known argument here; the known ones are: {known}"));
            }
        }

        foreach (var name in required)
        {
            if (!obj.TryGetPropertyValue(name, out var given) || (given is null && !AllowsNull(properties?[name])))
            {
                errors.Add(new(path.Length == 0 ? name : path + "." + name, "is required"));
            }
        }
    }

    private static bool AllowsNull(JsonNode? schema) => schema?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    private static bool TypeMatches(JsonNode? value, JsonNode? type, out string expected)
    {
        var allowed = type switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        expected = allowed.Length == 0 ? "anything" : string.Join(" or ", allowed.Select(Article));
        return allowed.Length == 0 || allowed.Any(t => Is(value, t));
    }

    private static bool Is(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && IsWhole(v.GetValue<double>()),
        _ => true,
    };

    private static bool IsWhole(double number) => Math.Abs(number % 1) < double.Epsilon;

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "the number " + v.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => v.ToJsonString(),
        },
        _ => value.ToJsonString(),
    };

    private static string Article(string type) => type switch
    {
        "object" => "an object",
        "array" => "an array",
        "integer" => "an integer",
        "null" => "null",
        _ => "a " + type,
    };

    private static string Name(string path) => path.Length == 0 ? "arguments" : path;

    private static string Format(double number) => number.ToString("0.###", CultureInfo.InvariantCulture);
}
