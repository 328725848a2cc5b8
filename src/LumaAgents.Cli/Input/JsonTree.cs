using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Input;

/// <summary>Small edits of a JSON tree: set a value at a path (creating objects on the way) and deep merges.</summary>
internal static class JsonTree
{
    /// <summary>Sets <paramref name="value"/> at <paramref name="path"/>, creating the objects on the way.</summary>
    public static void Set(JsonObject root, IReadOnlyList<string> path, JsonNode? value, string source)
    {
        var parent = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var existing = parent[path[i]];
            if (existing is JsonObject child)
            {
                parent = child;
                continue;
            }

            if (existing is not null)
            {
                throw new CliException($"{source}: '{string.Join('.', path.Take(i + 1))}' is not an object in the request, so it has no '{path[i + 1]}'.");
            }

            child = new JsonObject();
            parent[path[i]] = child;
            parent = child;
        }

        parent[path[^1]] = value;
    }

    /// <summary>The node at <paramref name="path"/>, or null.</summary>
    public static JsonNode? Get(JsonObject root, IReadOnlyList<string> path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node;
    }

    /// <summary>Merges <paramref name="source"/> into <paramref name="target"/>: objects key by key, anything else replaced.</summary>
    public static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            if (value is JsonObject incoming && target[key] is JsonObject existing)
            {
                Merge(existing, incoming);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>Merges an object at a path: the objects on the way are created.</summary>
    public static void MergeAt(JsonObject root, IReadOnlyList<string> path, JsonObject value, string source)
    {
        if (Get(root, path) is JsonObject existing)
        {
            Merge(existing, value);
        }
        else
        {
            Set(root, path, value.DeepClone(), source);
        }
    }
}
