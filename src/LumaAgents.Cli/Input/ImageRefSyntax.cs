using System.Text.Json.Nodes;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Input;

/// <summary>
/// The short syntax for an input image or video (an API <c>ImageRef</c>), in flags and wherever a body expects one:
/// <list type="table">
/// <item><term><c>https://…</c></term><description><c>{"url": …}</c> (a .mp4/.mov/.webm URL also gets its <c>media_type</c>)</description></item>
/// <item><term><c>@path</c></term><description>the local file, inline as base64 with its media type from the extension</description></item>
/// <item><term><c>gen:&lt;id&gt;</c></term><description>a previous generation: <c>{"generation_id": …}</c></description></item>
/// <item><term><c>file:&lt;id&gt;</c></term><description>an uploaded file: <c>{"file_id": …}</c></description></item>
/// <item><term><c>{…}</c></term><description>the object itself, in JSON or YAML</description></item>
/// </list>
/// Any form may end in <c>;type=&lt;media type&gt;</c> to set or override <c>media_type</c>.
/// </summary>
internal static class ImageRefSyntax
{
    public const string Help =
        "Inputs (--source, --image-ref, --video.start-frame, --video.keyframes, …) take: https://… (a URL), "
        + "@path (a local file sent as base64, media type from its extension; over 4 MB uploaded through the Files API, see --upload), gen:<id> (a previous generation), "
        + "file:<id> (an uploaded file) or a JSON object; append ;type=<media type> to set the media type, "
        + "e.g. @clip.bin;type=video/mp4.";

    private const string TypeSuffix = ";type=";

    public static JsonObject Parse(string value, FileEmbedding files, string flagName, LocalUploads? uploads = null)
    {
        var text = value.Trim();
        string? mediaType = null;
        var suffix = text.LastIndexOf(TypeSuffix, StringComparison.OrdinalIgnoreCase);
        if (suffix >= 0 && !text.StartsWith('{'))
        {
            mediaType = text[(suffix + TypeSuffix.Length)..].Trim();
            text = text[..suffix];
            if (!mediaType.Contains('/', StringComparison.Ordinal))
            {
                throw new CliException($"{flagName}: '{mediaType}' is not a media type; write it like image/png or video/mp4.");
            }
        }

        var reference = ParseBare(text, mediaType, files, flagName, uploads);
        if (mediaType is not null)
        {
            reference["media_type"] = mediaType;
        }

        return reference;
    }

    private static JsonObject ParseBare(string text, string? mediaType, FileEmbedding files, string flagName, LocalUploads? uploads)
    {
        if (text.StartsWith('{'))
        {
            return DocumentParser.ParseObject(text, flagName);
        }

        if (text.StartsWith('@'))
        {
            // @file://path and @data://path (the official CLI's forms) are files too: an input is always sent as data.
            var path = FileEmbedding.PathOf(text[1..]);
            var full = files.Resolve(path);
            if (uploads?.Consider(full, text, mediaType, flagName) is { } placeholder)
            {
                // Uploaded through the Files API once the whole line is checked (--upload); a placeholder until then.
                return new JsonObject { ["file_id"] = placeholder.FileId };
            }

            try
            {
                // The SDK's factory knows the media types the API accepts; an explicit ;type= wins.
                var fromFile = ImageRef.FromFile(full, mediaType);
                return new JsonObject { ["data"] = fromFile.Data, ["media_type"] = fromFile.MediaType };
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"{flagName}: {FirstSentence(ex.Message)}", $"add the media type, for example {text};type=image/png");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"{flagName}: cannot read {text}: {ex.Message}");
            }
        }

        if (text.StartsWith("gen:", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject { ["generation_id"] = RequireId(text[4..], flagName, "gen:") };
        }

        if (text.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"{flagName}: '{text}' is a file URL; the API cannot read your disk.", "send a local file with @path instead");
        }

        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var fileId = RequireId(text[5..], flagName, "file:");
            return LocalUploads.IsPlaceholder(fileId)
                ? throw new CliException($"{flagName}: '{fileId}' is not a file id (nothing was sent).", "give the id printed by `luma files upload` or `luma files list`")
                : new JsonObject { ["file_id"] = fileId };
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            // The SDK fills in the media type of a video URL (the API needs it and cannot sniff it first).
            var fromUrl = ImageRef.FromUrl(url, mediaType);
            var reference = new JsonObject { ["url"] = url.OriginalString };
            if (fromUrl.MediaType is not null)
            {
                reference["media_type"] = fromUrl.MediaType;
            }

            return reference;
        }

        if (text.Length > 0 && File.Exists(files.Resolve(text)))
        {
            throw new CliException($"{flagName}: '{text}' is not an input reference (nothing was sent).", $"did you mean @{text}? A local file is given with @ in front");
        }

        throw new CliException($"{flagName}: '{text}' is not an input reference (nothing was sent).", Help);
    }

    private static string RequireId(string id, string flagName, string prefix)
        => string.IsNullOrWhiteSpace(id) ? throw new CliException($"{flagName}: {prefix} needs an id, for example {prefix}0f3c…") : id.Trim();

    private static string FirstSentence(string message)
    {
        var paren = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return paren > 0 ? message[..paren] : message;
    }
}
