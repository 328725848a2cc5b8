using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Mcp.Safety;
using LumaAgents.Serialization;

namespace LumaAgents.Mcp.Input;

/// <summary>
/// Builds the SDK's <see cref="GenerationRequest"/> from tool arguments that passed the schema check: the arguments
/// are the API's own JSON shape, so the SDK's reader does the mapping (every option it models, nothing hand-copied),
/// then media references are resolved and the SDK's validation runs, all before anything is sent or billed (or
/// uploaded: large local files are uploaded only once the whole request is valid).
/// </summary>
internal static class GenerationRequestReader
{
    /// <summary>The request, validated, with the uploads it still needs.</summary>
    /// <param name="arguments">The tool's arguments.</param>
    /// <param name="toolOnly">Argument names that belong to the tool (such as <c>timeout_seconds</c>), not the request.</param>
    /// <param name="folders">Where local media may be read from.</param>
    /// <param name="cancellationToken">Cancels reading local files.</param>
    /// <exception cref="LumaValidationException">Any problem, each with the path of the argument to fix.</exception>
    public static async Task<PreparedRequest> ReadAsync(JsonObject arguments, IReadOnlyCollection<string> toolOnly, AllowedFolders folders, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            if (!toolOnly.Contains(name))
            {
                body[name] = value?.DeepClone();
            }
        }

        GenerationRequest request;
        try
        {
            request = LumaJson.DeserializeRequest(body.ToJsonString());
        }
        catch (JsonException e)
        {
            // The schema check catches wrong types first; this is the backstop for a shape it cannot express.
            var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "arguments";
            throw new LumaValidationException([new LumaValidationError(path, "has a value of the wrong shape for the API; see the tool's input schema")]);
        }

        var (resolved, fromPaths, uploads) = await MediaReferences.ResolveAsync(request, folders, cancellationToken).ConfigureAwait(false);

        // Validated here as well as in CreateAsync so that a problem with inline data from a local file names the
        // argument the agent wrote (source.path), not the field the SDK sent (source.data).
        var errors = resolved.Validate();
        if (errors.Count > 0)
        {
            throw new LumaValidationException([.. errors.Select(e => RenameDataPath(e, fromPaths))]);
        }

        return new PreparedRequest(resolved, uploads);
    }

    private static LumaValidationError RenameDataPath(LumaValidationError error, IReadOnlySet<string> fromPaths)
    {
        const string data = ".data";
        if (error.Path.EndsWith(data, StringComparison.Ordinal) && fromPaths.Contains(error.Path[..^data.Length]))
        {
            return error with { Path = error.Path[..^data.Length] + ".path" };
        }

        return error;
    }
}
