using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>
/// An input image or video: exactly one of <see cref="Url"/>, <see cref="Data"/>, <see cref="GenerationId"/> or
/// <see cref="FileId"/>, plus a <see cref="MediaType"/> where needed. Use the factories.
/// </summary>
public sealed record ImageRef
{
    /// <summary>A public https URL of the media.</summary>
    public Uri? Url { get; init; }

    /// <summary>The media itself, base64-encoded (at most 50 MB decoded for images, 200 MB for videos).</summary>
    public string? Data { get; init; }

    /// <summary>The MIME type; required with <see cref="Data"/> and with a video source given by URL.</summary>
    public string? MediaType { get; init; }

    /// <summary>A previous generation of the same account (for example, a video to extend).</summary>
    public string? GenerationId { get; init; }

    /// <summary>A file uploaded through the files API that is ready.</summary>
    public string? FileId { get; init; }

    /// <summary>Fields this SDK does not know yet, sent as they are.</summary>
    /// <remarks>
    /// An entry <b>replaces</b> the typed property of the same JSON name (written once, with the entry's value; a JSON
    /// <c>null</c> entry sends an explicit <c>null</c>, a <c>default</c> <see cref="JsonElement"/> sends nothing).
    /// Names compare ordinally.
    /// </remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Media at a public https URL.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="mediaType">
    /// The MIME type; the API needs it for a video source, so for a URL ending in .mp4, .mov or .webm it is filled in
    /// when not given. Optional for images.
    /// </param>
    public static ImageRef FromUrl(Uri url, string? mediaType = null)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        return new() { Url = url, MediaType = mediaType ?? VideoMediaType(url) };
    }

    /// <summary>Media at a public https URL.</summary>
    /// <param name="url">The absolute URL.</param>
    /// <param name="mediaType">The MIME type; needed for a video source, optional for images.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute URL.</exception>
    public static ImageRef FromUrl(string url, string? mediaType = null)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL; pass a public https URL such as https://example.com/cat.png.", nameof(url));
        }

        return FromUrl(uri, mediaType);
    }

    /// <summary>Media sent inline as base64.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="mediaType">The MIME type, for example <c>image/png</c>.</param>
    public static ImageRef FromBytes(byte[] bytes, string mediaType)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (string.IsNullOrWhiteSpace(mediaType))
        {
            throw new ArgumentException("A media type such as image/png is required for inline data.", nameof(mediaType));
        }

        return new() { Data = Convert.ToBase64String(bytes), MediaType = mediaType };
    }

    /// <summary>A local file sent inline as base64, its media type taken from the extension unless given.</summary>
    /// <remarks>
    /// Reads the whole file <b>now</b>, when called, and keeps it in the returned value as base64 (about 4/3 of the
    /// file's size in memory, for as long as the request lives): later changes to the file are not seen, and a
    /// missing file fails here, not when the request is sent. To send a large file, or one file with many requests,
    /// upload it once through the files API and use <see cref="FromFileId"/>.
    /// </remarks>
    /// <param name="path">The file's path.</param>
    /// <param name="mediaType">The MIME type, or null to infer it from the extension.</param>
    /// <exception cref="ArgumentException">The media type cannot be inferred from the extension.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ImageRef FromFile(string path, string? mediaType = null)
    {
        var type = ResolveMediaType(path, mediaType);
        return FromBytes(File.ReadAllBytes(path), type);
    }

    /// <summary>A local file sent inline as base64, read asynchronously; media type as for <see cref="FromFile"/>.</summary>
    /// <remarks>Like <see cref="FromFile"/>, reads the whole file when called and keeps it in the returned value.</remarks>
    /// <param name="path">The file's path.</param>
    /// <param name="mediaType">The MIME type, or null to infer it from the extension.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<ImageRef> FromFileAsync(string path, string? mediaType = null, CancellationToken cancellationToken = default)
    {
        var type = ResolveMediaType(path, mediaType);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, int.MaxValue) : 0);
        await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return new() { Data = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length), MediaType = type };
    }

    /// <summary>
    /// The media type <see cref="FromFile"/> and <see cref="FilesClient.UploadAsync(string, FileUploadOptions, CancellationToken)"/>
    /// infer from a path's extension (<c>.png</c> is <c>image/png</c>, <c>.mp4</c> is <c>video/mp4</c>, …), or null when the
    /// extension says nothing. Reads nothing from disk.
    /// </summary>
    /// <param name="path">A file's path or name.</param>
    public static string? MediaTypeFromExtension(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        try
        {
            return MediaTypes.FromExtension(Path.GetExtension(path));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A previous generation of the same account.</summary>
    /// <param name="generationId">The generation's id.</param>
    public static ImageRef FromGeneration(string generationId)
        => new() { GenerationId = RequireText(generationId, nameof(generationId)) };

    /// <summary>Overload for a generation object.</summary>
    /// <param name="generation">The generation.</param>
    public static ImageRef FromGeneration(Generation generation)
        => FromGeneration((generation ?? throw new ArgumentNullException(nameof(generation))).Id);

    /// <summary>A file uploaded through the files API.</summary>
    /// <param name="fileId">The file's id.</param>
    public static ImageRef FromFileId(string fileId)
        => new() { FileId = RequireText(fileId, nameof(fileId)) };

    /// <summary>A file uploaded with <see cref="FilesClient.UploadAsync(string, FileUploadOptions, CancellationToken)"/>; it must be ready when the generation is created.</summary>
    /// <param name="file">The uploaded file.</param>
    /// <exception cref="LumaValidationException">The file failed ingest or was deleted, so no generation can use it.</exception>
    public static ImageRef FromUploadedFile(LumaFile file)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        if (file.State == FileState.Failed || file.State == FileState.Deleted)
        {
            var why = file.State == FileState.Failed ? "failed ingest" + (string.IsNullOrEmpty(file.FailureReason) ? string.Empty : $" ({file.FailureReason})") : "was deleted";
            throw new LumaValidationException([new LumaValidationError("file_id", $"file {file.Id} {why}; upload it again to reference it")], "The image reference");
        }

        return FromFileId(file.Id);
    }

    private static string? VideoMediaType(Uri url)
    {
        var type = url.IsAbsoluteUri ? MediaTypes.FromExtension(Path.GetExtension(url.AbsolutePath)) : null;
        return type is not null && type.StartsWith("video/", StringComparison.Ordinal) ? type : null;
    }

    private static string ResolveMediaType(string path, string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A file path is required.", nameof(path));
        }

        if (!string.IsNullOrWhiteSpace(mediaType))
        {
            return mediaType!;
        }

        return MediaTypes.FromExtension(Path.GetExtension(path))
            ?? throw new ArgumentException(
                $"Cannot tell the media type of '{Path.GetFileName(path)}' from its extension; pass mediaType (for example image/png).",
                nameof(mediaType));
    }

    private static string RequireText(string value, string name)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A non-empty id is required.", name) : value;
}
