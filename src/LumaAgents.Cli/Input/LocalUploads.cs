using System.Globalization;
using LumaAgents.Cli.Commands;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Input;

/// <summary>When a local <c>@path</c> input goes through the Files API instead of inline as base64 (<c>--upload</c>).</summary>
internal enum UploadMode
{
    /// <summary>Only files larger than <see cref="FileLimits.AutoUploadAboveBytes"/> (the default).</summary>
    Auto,

    /// <summary>Every local file.</summary>
    Always,

    /// <summary>None: a file over the limit is refused before anything is sent.</summary>
    Never,
}

/// <summary>
/// The local <c>@path</c> inputs of one request that go through the Files API (<c>--upload</c>). While the command line is
/// read each stands in the request as a placeholder <c>file_id</c>; only once the whole request is parsed and valid
/// (and the output folder, the wait flags and the key were checked) does <see cref="UploadAsync"/> upload each file once,
/// print its id at once (so it is never lost), wait until it is ready, and put its id where the placeholder was. A typo
/// anywhere on the line therefore never uploads anything.
/// </summary>
internal sealed class LocalUploads
{
    /// <summary>The values of <c>--upload</c>.</summary>
    public static readonly string[] Modes = ["auto", "always", "never"];

    private const string PlaceholderPrefix = "luma-cli-upload:";

    private readonly List<Pending> _files = [];

    public LocalUploads(UploadMode mode) => Mode = mode;

    public UploadMode Mode { get; }

    /// <summary>Whether there is nothing to upload.</summary>
    public bool IsEmpty => _files.Count == 0;

    /// <summary>The files uploaded so far (ids printed as notices too).</summary>
    public IReadOnlyList<LumaFile> Uploaded => [.. _files.Where(f => f.File is not null).Select(f => f.File!)];

    public static UploadMode ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "auto" => UploadMode.Auto,
        "always" => UploadMode.Always,
        "never" => UploadMode.Never,
        _ => throw new CliException($"--upload '{text}' is not one of auto, always, never."),
    };

    /// <summary>The description of <c>--upload</c>.</summary>
    public static string Help => string.Create(
        CultureInfo.InvariantCulture,
        $"How local @path inputs are sent: auto uploads those over {Megabytes(FileLimits.AutoUploadAboveBytes)} through the Files API and sends their file_id (smaller ones go inline as base64); always uploads every one; never sends them inline and refuses a larger one. Uploads happen only after the whole command line was checked.");

    /// <summary>
    /// A local file given as <c>@path</c> for an input: null to send it inline (the caller reads it), or a placeholder
    /// reference to upload it later.
    /// </summary>
    /// <param name="fullPath">The resolved path.</param>
    /// <param name="typed">The value as typed (<c>@big.png</c>), for messages.</param>
    /// <param name="mediaType">The media type from <c>;type=</c>, or null.</param>
    /// <param name="flagName">The flag or body location, for messages and the purpose.</param>
    public ImageRef? Consider(string fullPath, string typed, string? mediaType, string flagName)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                // The inline path reports a missing file in its words.
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }

        var size = info.Length;
        var over = size > FileLimits.AutoUploadAboveBytes;
        if (Mode == UploadMode.Never)
        {
            if (over)
            {
                throw new CliException(
                    string.Create(CultureInfo.InvariantCulture, $"{flagName}: {typed} is {Megabytes(size)}, over the {Megabytes(FileLimits.AutoUploadAboveBytes)} a local input is sent inline as base64, and --upload never forbids uploading it (nothing was sent)."),
                    "use --upload auto (the default) to upload it through the Files API and send its file_id, or pass an uploaded file as file:<id>");
            }

            return null;
        }

        if (Mode == UploadMode.Auto && !over)
        {
            return null;
        }

        var type = mediaType ?? ImageRef.MediaTypeFromExtension(fullPath)
            ?? throw new CliException($"{flagName}: the media type of {typed} cannot be told from its name.", $"add it, for example {typed};type=image/png");
        var video = type.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
        var limit = video ? GenerationLimits.MaxVideoBytes : GenerationLimits.MaxImageBytes;
        if (size > limit)
        {
            throw new CliException(
                string.Create(CultureInfo.InvariantCulture, $"{flagName}: {typed} is {Megabytes(size)}; the API takes {(video ? "videos" : "images")} of at most {Megabytes(limit)} (nothing was sent)."),
                "use a smaller file");
        }

        var file = _files.Find(f => string.Equals(f.FullPath, fullPath, StringComparison.Ordinal));
        if (file is null)
        {
            var purpose = flagName.StartsWith("--image-ref", StringComparison.Ordinal) || flagName.StartsWith("image_ref", StringComparison.Ordinal)
                ? FilePurpose.Reference
                : FilePurpose.Input;
            file = new Pending(PlaceholderPrefix + _files.Count.ToString(CultureInfo.InvariantCulture), fullPath, typed, type, size, purpose);
            _files.Add(file);
        }

        return ImageRef.FromFileId(file.Placeholder);
    }

    /// <summary>Whether a <c>file_id</c> is one of our placeholders (never a real id).</summary>
    public static bool IsPlaceholder(string fileId) => fileId.StartsWith(PlaceholderPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Uploads every file (after checking the request, so nothing is uploaded for one that would be refused), waits
    /// until each is ready, and returns the request with their ids. Progress on a terminal only; the ids always.
    /// </summary>
    public async Task<GenerationRequest> UploadAsync(CliContext context, LumaSession session, GenerationRequest request, bool validate, CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return request;
        }

        if (validate && request.Validate() is { Count: > 0 } errors)
        {
            throw new LumaValidationException(errors);
        }

        foreach (var file in _files)
        {
            var options = new FileUploadOptions { Purpose = file.Purpose, UserId = request.UserId };
            file.File = await FileTransfer.UploadAsync(
                context, session, file.FullPath, file.Typed, file.MediaType, options, wait: true, cancellationToken, created => context.Jobs.Uploaded(file.Typed, created.Id)).ConfigureAwait(false);
        }

        return await request.MapImageRefsAsync((reference, location, _) => Task.FromResult(Replace(reference, location)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What would be uploaded, one line per file (for <c>--dry-run</c>).</summary>
    public IEnumerable<string> Describe()
        => _files.Select(f => $"would upload {f.Typed} ({Megabytes(f.Size)}, {f.MediaType}, purpose {f.Purpose.Value}) through the Files API as {f.Placeholder}");

    private ImageRef Replace(ImageRef reference, string location)
    {
        if (reference.FileId is not { } id || !IsPlaceholder(id))
        {
            return reference;
        }

        var file = _files.Find(f => f.Placeholder == id)?.File
            ?? throw new CliException($"{location}: '{id}' is not a file id (nothing was sent).", "pass an uploaded file as file:<id>");
        return reference with { FileId = file.Id };
    }

    internal static string Megabytes(long bytes)
        => (bytes / (1024.0 * 1024)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " MB";

    private sealed record Pending(string Placeholder, string FullPath, string Typed, string MediaType, long Size, FilePurpose Purpose)
    {
        public LumaFile? File { get; set; }
    }
}
