using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Input;

/// <summary>Reads a JSON or YAML object given inline, as <c>@file</c>, or piped on standard input.</summary>
internal static class DocumentParser
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Parses <paramref name="text"/> as JSON when it starts with <c>{</c> or <c>[</c>, as YAML otherwise (or when
    /// <paramref name="sourceName"/> ends in .yaml/.yml), and requires an object.
    /// </summary>
    /// <param name="text">The document.</param>
    /// <param name="sourceName">Where it came from, for messages (<c>--body</c>, <c>@video.yaml</c>, stdin).</param>
    public static JsonObject ParseObject(string text, string sourceName)
    {
        var node = Parse(text, sourceName);
        return node as JsonObject
            ?? throw new CliException($"{sourceName} must be a JSON or YAML object ({{...}}), not {Describe(node)}.");
    }

    public static JsonNode? Parse(string text, string sourceName)
    {
        var trimmed = text.TrimStart();
        var yamlByName = sourceName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || sourceName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        try
        {
            if (!yamlByName && (trimmed.StartsWith('{') || trimmed.StartsWith('[')))
            {
                try
                {
                    return JsonNode.Parse(text, documentOptions: Lenient);
                }
                catch (JsonException) when (TryYaml(text) is { } flow)
                {
                    // A YAML flow mapping such as {duration: 5s, hdr: true} (the official CLI's examples use them).
                    return flow;
                }
            }

            return YamlToJson.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{sourceName} is not valid JSON: {ex.Message}", "JSON bodies start with '{'; anything else is read as YAML.");
        }
        catch (FormatException ex)
        {
            throw new CliException($"{sourceName} is not valid YAML: {ex.Message}");
        }
    }

    private static JsonNode? TryYaml(string text)
    {
        try
        {
            return YamlToJson.Parse(text) is JsonObject or JsonArray ? YamlToJson.Parse(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "empty",
        JsonArray => "an array",
        _ => "a single value",
    };
}
