using System.Globalization;
using System.Text.Json;
using LumaAgents.Mcp.Safety;
using Microsoft.AspNetCore.StaticFiles;

namespace LumaAgents.Mcp.Input;

/// <summary>
/// Turns the media references of a request, as the agent wrote them, into what the API takes: a <c>path</c> (kept
/// by the SDK's reader among the unknown fields) becomes, after the folder check, the file's bytes as base64 when it is
/// small, or a placeholder for an upload through the Files API when it is larger than <see cref="FileLimits.AutoUploadAboveBytes"/>
/// (see <see cref="MediaUploads"/>); a video URL gets its media type from the extension. It visits every place the SDK
/// models an <see cref="ImageRef"/>.
/// </summary>
internal sealed class MediaReferences
{
    private const string PathField = "path";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly AllowedFolders _folders;
    private readonly List<LumaValidationError> _errors = [];
    private readonly HashSet<string> _fromPaths = new(StringComparer.Ordinal);
    private readonly MediaUploads _uploads = new();

    private MediaReferences(AllowedFolders folders) => _folders = folders;

    /// <summary>
    /// The request with every media reference in API form (large local files as upload placeholders), the locations
    /// that were sent inline from local files, and the uploads still to do.
    /// </summary>
    /// <exception cref="LumaValidationException">A reference is ambiguous, outside the allowed folders, too large or unreadable.</exception>
    public static async Task<(GenerationRequest Request, IReadOnlySet<string> FromPaths, MediaUploads Uploads)> ResolveAsync(
        GenerationRequest request, AllowedFolders folders, CancellationToken cancellationToken)
    {
        var resolver = new MediaReferences(folders);
        var resolved = await request.MapImageRefsAsync(resolver.OneAsync, cancellationToken).ConfigureAwait(false);
        if (resolver._errors.Count > 0)
        {
            throw new LumaValidationException(resolver._errors);
        }

        return (resolved, resolver._fromPaths, resolver._uploads);
    }

    private async Task<ImageRef> OneAsync(ImageRef reference, string location, CancellationToken ct)
    {
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

        if (reference.FileId is { } fileId && MediaUploads.IsPlaceholder(fileId))
        {
            _errors.Add(new(location + ".file_id", $"'{fileId}' is not a file id; give the id of an uploaded file (from upload_file or list_files)"));
            return reference;
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
        if (size > FileLimits.AutoUploadAboveBytes)
        {
            return ForUpload(reference, path, real, size, location);
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

    /// <summary>A large local file: checked against the API's media limits now, uploaded after the whole request is valid.</summary>
    private ImageRef ForUpload(ImageRef reference, string path, string real, long size, string location)
    {
        var mediaType = reference.MediaType ?? (ContentTypes.TryGetContentType(real, out var known) ? known : null);
        if (mediaType is null)
        {
            _errors.Add(new(location + ".media_type", $"cannot be told from the name '{Path.GetFileName(real)}'; pass media_type, for example image/png or video/mp4"));
            return reference;
        }

        var video = mediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
        var limit = video ? GenerationLimits.MaxVideoBytes : GenerationLimits.MaxImageBytes;
        if (size > limit)
        {
            _errors.Add(new(location + ".path", string.Create(
                CultureInfo.InvariantCulture,
                $"'{path}' is {size / (1024.0 * 1024):0.#} MB; the API takes {(video ? "videos" : "images")} of at most {limit / (1024 * 1024)} MB. Use a smaller file")));
            return reference;
        }

        var purpose = location.StartsWith("image_ref", StringComparison.Ordinal) ? FilePurpose.Reference : FilePurpose.Input;
        return _uploads.Add(location, real, mediaType, size, purpose, reference.MediaType);
    }
}
