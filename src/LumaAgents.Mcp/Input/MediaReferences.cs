using System.Globalization;
using System.Text.Json;
using LumaAgents.Mcp.Safety;

namespace LumaAgents.Mcp.Input;

/// <summary>
/// Turns the media references of a request, as the agent wrote them, into what the API takes: a <c>path</c> (kept
/// by the SDK's reader among the unknown fields) becomes the file's bytes as base64 after the folder check, and a
/// video URL gets its media type from the extension. It visits every place the SDK models an <see cref="ImageRef"/>.
/// </summary>
internal sealed class MediaReferences
{
    private const string PathField = "path";

    private readonly AllowedFolders _folders;
    private readonly List<LumaValidationError> _errors = [];
    private readonly HashSet<string> _fromPaths = new(StringComparer.Ordinal);

    private MediaReferences(AllowedFolders folders) => _folders = folders;

    /// <summary>The request with every media reference in API form, and the locations that were local files.</summary>
    /// <exception cref="LumaValidationException">A reference is ambiguous, outside the allowed folders, or unreadable.</exception>
    public static async Task<(GenerationRequest Request, IReadOnlySet<string> FromPaths)> ResolveAsync(
        GenerationRequest request, AllowedFolders folders, CancellationToken cancellationToken)
    {
        var resolver = new MediaReferences(folders);
        var resolved = await resolver.ResolveRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (resolver._errors.Count > 0)
        {
            throw new LumaValidationException(resolver._errors);
        }

        return (resolved, resolver._fromPaths);
    }

    private async Task<GenerationRequest> ResolveRequestAsync(GenerationRequest request, CancellationToken ct)
    {
        var video = request.Video;
        if (video is not null)
        {
            var edit = video.Edit;
            if (edit is not null)
            {
                edit = edit with { Keyframes = await ListAsync(edit.Keyframes, "video.edit.keyframes", ct).ConfigureAwait(false) };
            }

            video = video with
            {
                StartFrame = await OneAsync(video.StartFrame, "video.start_frame", ct).ConfigureAwait(false),
                EndFrame = await OneAsync(video.EndFrame, "video.end_frame", ct).ConfigureAwait(false),
                GuideFrame = await OneAsync(video.GuideFrame, "video.guide_frame", ct).ConfigureAwait(false),
                Keyframes = await ListAsync(video.Keyframes, "video.keyframes", ct).ConfigureAwait(false),
                Edit = edit,
            };
        }

        return request with
        {
            Source = await OneAsync(request.Source, "source", ct).ConfigureAwait(false),
            ImageRefs = await ListAsync(request.ImageRefs, "image_ref", ct).ConfigureAwait(false),
            Video = video,
        };
    }

    private async Task<IReadOnlyList<ImageRef>?> ListAsync(IReadOnlyList<ImageRef>? references, string location, CancellationToken ct)
    {
        if (references is null)
        {
            return null;
        }

        var resolved = new List<ImageRef>(references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            resolved.Add((await OneAsync(references[i], location + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", ct).ConfigureAwait(false))!);
        }

        return resolved;
    }

    private async Task<ImageRef?> OneAsync(ImageRef? reference, string location, CancellationToken ct)
    {
        if (reference is null)
        {
            return null;
        }

        string? path = null;
        if (reference.AdditionalProperties is { } extra && extra.TryGetValue(PathField, out var pathValue))
        {
            path = pathValue.ValueKind == JsonValueKind.String ? pathValue.GetString() : null;
        }

        var given = new[] { reference.Url is not null, path is not null, reference.GenerationId is not null, reference.FileId is not null }.Count(x => x);
        if (given != 1)
        {
            _errors.Add(new(location, given == 0
                ? "needs exactly one of url, path, generation_id or file_id, and has none"
                : "needs exactly one of url, path, generation_id or file_id, and has " + given.ToString(CultureInfo.InvariantCulture)));
            return reference;
        }

        if (path is not null)
        {
            return await FromPathAsync(reference, path, location, ct).ConfigureAwait(false);
        }

        if (reference.Url is { IsAbsoluteUri: true } url && reference.MediaType is null)
        {
            // The SDK's factory knows the video extensions the API needs a media type for.
            return reference with { MediaType = ImageRef.FromUrl(url).MediaType };
        }

        return reference;
    }

    private async Task<ImageRef> FromPathAsync(ImageRef reference, string path, string location, CancellationToken ct)
    {
        string real;
        try
        {
            real = _folders.ResolveFileToRead(path, location + ".path");
        }
        catch (LumaValidationException refused)
        {
            _errors.AddRange(refused.Errors);
            return reference;
        }

        var size = new FileInfo(real).Length;
        if (size > GenerationLimits.MaxVideoBytes)
        {
            _errors.Add(new(location + ".path", $"'{path}' is {size / (1024 * 1024)} MB; at most {GenerationLimits.MaxVideoBytes / (1024 * 1024)} MB can be sent inline. Give a public https URL instead"));
            return reference;
        }

        try
        {
            var inline = await ImageRef.FromFileAsync(real, reference.MediaType, ct).ConfigureAwait(false);
            _fromPaths.Add(location);
            return inline;
        }
        catch (ArgumentException)
        {
            _errors.Add(new(location + ".media_type", $"cannot be told from the name '{Path.GetFileName(real)}'; pass media_type, for example image/png or video/mp4"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _errors.Add(new(location + ".path", $"'{path}' could not be read: {e.Message}"));
        }

        return reference;
    }
}
