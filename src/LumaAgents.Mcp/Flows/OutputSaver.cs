using System.Text.Json.Nodes;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Safety;
using LumaAgents.Mcp.Schema;
using LumaAgents.Mcp.Tools;
using Microsoft.AspNetCore.StaticFiles;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Flows;

/// <summary>
/// Saves a completed generation's outputs into an allowed folder with the SDK's safe names (never overwriting) and
/// describes them: a resource link per file, and small images also as image content the agent can look at.
/// </summary>
internal static class OutputSaver
{
    /// <summary>Images up to this size are also returned inline when asked; bigger ones only as links.</summary>
    public const int MaxInlineImageBytes = 1024 * 1024;

    /// <summary>The most image bytes one result carries inline, across all outputs.</summary>
    public const int MaxInlineTotalBytes = 4 * 1024 * 1024;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The folder an agent asked for (or the default one), checked before anything is downloaded.</summary>
    public static string ResolveFolder(ToolContext context, string? directory) => context.Folders.ResolveFolderToWrite(directory, "directory");

    public static async Task<IReadOnlyList<SavedOutput>> SaveAsync(ToolContext context, Generation completed, string folder, CancellationToken cancellationToken)
    {
        var paths = await context.Generations.SaveOutputsAsync(completed, folder, cancellationToken).ConfigureAwait(false);
        var saved = new List<SavedOutput>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];

            // By construction the SDK writes inside the folder; checked again because a file is what leaves the server.
            if (!context.Folders.Contains(RealPath.Resolve(path)))
            {
                File.Delete(path);
                throw new IOException($"The saved output {Path.GetFileName(path)} did not end up inside the allowed folders and was removed.");
            }

            var mediaType = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            var type = completed.Output[i].Type.Value;
            saved.Add(new SavedOutput(i, type.Length == 0 ? null : type, path, mediaType, new FileInfo(path).Length));
        }

        return saved;
    }

    /// <summary>The <c>files</c> array of a result.</summary>
    public static JsonArray Describe(IReadOnlyList<SavedOutput> saved)
    {
        var files = new JsonArray();
        foreach (var file in saved)
        {
            files.Add(new JsonObject
            {
                ["index"] = file.Index,
                ["type"] = file.Type,
                ["path"] = file.Path,
                ["uri"] = new Uri(file.Path).AbsoluteUri,
                ["media_type"] = file.MediaType,
                ["size_bytes"] = file.SizeBytes,
            });
        }

        return files;
    }

    /// <summary>Resource links to the files, then small images inline when <paramref name="includeImages"/>.</summary>
    public static async Task AddContentAsync(ToolOutcome outcome, string generationId, IReadOnlyList<SavedOutput> saved, bool includeImages, CancellationToken cancellationToken)
    {
        foreach (var file in saved)
        {
            outcome.Extra.Add(new ResourceLinkBlock
            {
                Uri = new Uri(file.Path).AbsoluteUri,
                Name = Path.GetFileName(file.Path),
                Title = $"Output {file.Index} of generation {generationId}",
                MimeType = file.MediaType,
                Size = file.SizeBytes,
            });
        }

        if (!includeImages)
        {
            return;
        }

        long inline = 0;
        foreach (var file in saved)
        {
            if (file.MediaType.StartsWith("image/", StringComparison.Ordinal) && file.SizeBytes <= MaxInlineImageBytes && inline + file.SizeBytes <= MaxInlineTotalBytes)
            {
                var bytes = await File.ReadAllBytesAsync(file.Path, cancellationToken).ConfigureAwait(false);
                inline += bytes.Length;
                outcome.Extra.Add(ImageContentBlock.FromBytes(bytes, file.MediaType));
            }
        }
    }

    /// <summary>The schema of one entry of <see cref="Describe"/>.</summary>
    public static JsonObject FileSchema() => JsonSchema.Object(
        "A saved output file.",
        ("index", JsonSchema.Integer("The output's position, from 0.", 0)),
        ("type", JsonSchema.OrNull(JsonSchema.String("image, video, or a newer kind."))),
        ("path", JsonSchema.String("The file's absolute path.")),
        ("uri", JsonSchema.String("The same as a file:// URI (also sent as a resource link).")),
        ("media_type", JsonSchema.String("The file's MIME type.")),
        ("size_bytes", JsonSchema.Integer("The file's size in bytes.", 0)))
        .Require("index", "type", "path", "uri", "media_type", "size_bytes");
}
