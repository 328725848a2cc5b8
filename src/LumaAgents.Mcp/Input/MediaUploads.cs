using System.Globalization;
using System.Text.Json.Nodes;
using LumaAgents.Mcp.Flows;
using LumaAgents.Mcp.Output;
using LumaAgents.Mcp.Schema;
using LumaAgents.Mcp.Tools;

namespace LumaAgents.Mcp.Input;

/// <summary>
/// The local media of one request that are too large to send inline (<see cref="FileLimits.AutoUploadAboveBytes"/>).
/// While the request is validated they stand in it as placeholders; once it is valid, <see cref="UploadAsync"/>
/// uploads each file once (a file named by two inputs is uploaded once), waits until it is ready, and puts its
/// <c>file_id</c> where the placeholder was. Nothing is uploaded for a request that is refused, and no placeholder
/// is ever sent. <see cref="Describe"/> lists what was uploaded, for the result.
/// </summary>
internal sealed class MediaUploads
{
    private const string PlaceholderPrefix = "luma-mcp-upload:";

    private readonly List<Pending> _files = [];
    private readonly List<(string Location, Pending File)> _inputs = [];

    /// <summary>Whether there is nothing to upload.</summary>
    public bool IsEmpty => _files.Count == 0;

    /// <summary>Whether a <c>file_id</c> is one of our placeholders (an agent cannot pass one).</summary>
    public static bool IsPlaceholder(string fileId) => fileId.StartsWith(PlaceholderPrefix, StringComparison.Ordinal);

    /// <summary>Records a large local file for <paramref name="location"/> and returns its placeholder reference.</summary>
    /// <param name="location">Where the input is, such as <c>source</c> or <c>image_ref[1]</c>.</param>
    /// <param name="realPath">The file's real path, inside an allowed folder.</param>
    /// <param name="mimeType">Its media type, given or told from the extension.</param>
    /// <param name="size">Its size in bytes.</param>
    /// <param name="purpose">input for a subject (source, frames, keyframes), reference for image_ref.</param>
    /// <param name="givenMediaType">The media_type the agent wrote, kept on the reference; null when it wrote none.</param>
    public ImageRef Add(string location, string realPath, string mimeType, long size, FilePurpose purpose, string? givenMediaType)
    {
        var file = _files.Find(f => string.Equals(f.RealPath, realPath, StringComparison.Ordinal));
        if (file is null)
        {
            file = new Pending(realPath, mimeType, size, purpose, location);
            _files.Add(file);
        }

        _inputs.Add((location, file));
        return new ImageRef { FileId = PlaceholderPrefix + location, MediaType = givenMediaType };
    }

    /// <summary>Uploads every file, waits until each is ready, and returns the request with their ids.</summary>
    /// <exception cref="FileFailedException">Ingest or moderation refused a file.</exception>
    /// <exception cref="NotReadyException">A file was not ready within the SDK's default wait (2 minutes).</exception>
    public async Task<GenerationRequest> UploadAsync(ToolContext context, GenerationRequest request, ProgressReporter progress, CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return request;
        }

        foreach (var file in _files)
        {
            var name = Path.GetFileName(file.RealPath);
            var label = $"{file.FirstLocation} ({name})";
            var options = new FileUploadOptions { Purpose = file.Purpose, UserId = request.UserId };
            file.File = await LocalUpload.SendAsync(
                context, file.RealPath, name, file.MimeType, options, label, (file.FirstLocation + ".path", file.FirstLocation + ".media_type"), progress, cancellationToken)
                .ConfigureAwait(false);

            UploadWait wait;
            try
            {
                wait = await LocalUpload.WaitAsync(context, file.File, timeout: null, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (FileFailedException refused)
            {
                file.File = refused.File;
                throw;
            }

            file.File = wait.File;
            if (wait.TimedOut)
            {
                var id = wait.File.Id;
                throw new NotReadyException(
                    string.Create(CultureInfo.InvariantCulture, $"{label} was uploaded as file {id}, but it was not ready after {wait.Waited.TotalSeconds:0} s, so no generation was created."),
                    $"Call get_file with file_id \"{id}\" until it is ready, then call again with {{\"file_id\": \"{id}\"}} in place of the path (so the file is not uploaded again).",
                    wait.File);
            }
        }

        return await request.MapImageRefsAsync( (reference, location, _) => Task.FromResult(Replace(reference, location)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>uploaded_inputs</c> of a result: each input whose file was uploaded (or began to be), in request order.</summary>
    public JsonArray Describe()
    {
        var list = new JsonArray();
        foreach (var (location, pending) in _inputs)
        {
            if (pending.File is { } file)
            {
                list.Add(new JsonObject
                {
                    ["input"] = location,
                    ["path"] = pending.RealPath,
                    ["file_id"] = file.Id,
                    ["state"] = file.State.Value,
                    ["mime_type"] = pending.MimeType,
                    ["size_bytes"] = pending.Size,
                });
            }
        }

        return list;
    }

    /// <summary>What a result says about the uploads, to follow its next step; empty when nothing was uploaded.</summary>
    public string Note() => _files.Any(f => f.File is not null)
        ? string.Create(
            CultureInfo.InvariantCulture,
            $" Local inputs over {FileLimits.AutoUploadAboveBytes / (1024 * 1024)} MB were uploaded through the Files API (see uploaded_inputs): to use them again, pass {{\"file_id\": \"…\"}} instead of the path; delete_file removes them.")
        : string.Empty;

    /// <summary>The schema of one entry of <see cref="Describe"/>.</summary>
    public static JsonObject Schema() => JsonSchema.Object(
        "A local input that was uploaded through the Files API and sent as file_id.",
        ("input", JsonSchema.String("Where it is in the request, such as source, image_ref[0] or video.start_frame.")),
        ("path", JsonSchema.String("The local file's real path.")),
        ("file_id", JsonSchema.String("The uploaded file's id: reuse it as {\"file_id\": \"…\"} instead of the path.")),
        ("state", JsonSchema.String("The file's state when it was sent (ready).")),
        ("mime_type", JsonSchema.String("The media type it was uploaded with.")),
        ("size_bytes", JsonSchema.Integer("Its size in bytes.", 0)))
        .Require("input", "path", "file_id", "state", "mime_type", "size_bytes");

    private ImageRef Replace(ImageRef reference, string location)
    {
        if (reference.FileId is not { } placeholder || !IsPlaceholder(placeholder))
        {
            return reference;
        }

        var (_, pending) = _inputs.Find(i => string.Equals(i.Location, location, StringComparison.Ordinal));
        var id = pending?.File?.Id ?? throw new InvalidOperationException($"No upload for the placeholder at {location}.");
        return reference with { FileId = id };
    }

    private sealed class Pending(string realPath, string mimeType, long size, FilePurpose purpose, string firstLocation)
    {
        public string RealPath { get; } = realPath;

        public string MimeType { get; } = mimeType;

        public long Size { get; } = size;

        public FilePurpose Purpose { get; } = purpose;

        public string FirstLocation { get; } = firstLocation;

        /// <summary>The file as last known, once it was created.</summary>
        public LumaFile? File { get; set; }
    }
}
