using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>
/// The body of <c>POST /generations</c>. Unset (null) members are omitted from the JSON so the server applies its
/// own defaults. Start from a factory (<see cref="CreateImage"/>, <see cref="CreateImageEdit"/>,
/// <see cref="CreateVideo"/>, <see cref="CreateVideoEdit"/>, <see cref="CreateVideoReframe"/>,
/// <see cref="CreateLayering"/>) and adjust with <c>with</c>.
/// </summary>
public sealed record GenerationRequest
{
    /// <summary>What to generate: 1–6,000 characters (optional, at most 500, for <see cref="GenerationType.Layering"/>).</summary>
    public string? Prompt { get; init; }

    /// <summary>The model; the server uses <see cref="GenerationModel.Uni1"/> when unset.</summary>
    public GenerationModel? Model { get; init; }

    /// <summary>The kind of generation; the server uses <see cref="GenerationType.Image"/> when unset.</summary>
    public GenerationType? Type { get; init; }

    /// <summary>The output aspect ratio. The valid set depends on the type; ignored for image and video edits.</summary>
    public AspectRatio? AspectRatio { get; init; }

    /// <summary>The image style; <see cref="ImageStyle.Manga"/> needs a portrait aspect ratio.</summary>
    public ImageStyle? Style { get; init; }

    /// <summary>The image file format (images only).</summary>
    public OutputFormat? OutputFormat { get; init; }

    /// <summary>Reference images: at most 9 for <c>image</c>, 8 for <c>image_edit</c>. Wire name <c>image_ref</c>.</summary>
    [JsonPropertyName("image_ref")]
    public IReadOnlyList<ImageRef>? ImageRefs { get; init; }

    /// <summary>
    /// The image or video to work on: required for edits, reframes and <c>layering</c> (the image to split into
    /// layers), absent for <c>image</c>.
    /// </summary>
    public ImageRef? Source { get; init; }

    /// <summary>Lets the model search the web for references (the server's default is false).</summary>
    public bool? WebSearch { get; init; }

    /// <summary>Your end user's opaque id (at most 256 characters, no personal data); useful to reconcile jobs.</summary>
    public string? UserId { get; init; }

    /// <summary>Video options (ray-3.2 only).</summary>
    public VideoOptions? Video { get; init; }

    /// <summary>Layering options (type <c>layering</c> only, which runs on uni-1 alone and splits the image in <see cref="Source"/>).</summary>
    public LayeringOptions? Layering { get; init; }

    /// <summary>Fields this SDK does not know yet, sent as they are.</summary>
    /// <remarks>
    /// An entry <b>replaces</b> the typed property of the same JSON name, which is then not sent: the key is written
    /// once, with the entry's value. So <c>AdditionalProperties["aspect_ratio"] = JsonDocument.Parse("null").RootElement</c>
    /// sends an explicit <c>"aspect_ratio": null</c>, and an entry <c>"21:9"</c> overrides <see cref="AspectRatio"/>.
    /// A <c>default</c> (undefined) <see cref="JsonElement"/> sends nothing for that name. Names compare ordinally.
    /// Settable rather than init-only, so entries can be added to a request built with <c>with</c>.
    /// </remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>An image from a prompt.</summary>
    /// <param name="prompt">What to draw.</param>
    /// <param name="aspectRatio">The aspect ratio, or null for the server's default.</param>
    /// <param name="model">The model, or null for the server's default (uni-1).</param>
    public static GenerationRequest CreateImage(string prompt, AspectRatio? aspectRatio = null, GenerationModel? model = null)
        => new() { Prompt = prompt, Type = GenerationType.Image, AspectRatio = aspectRatio, Model = model };

    /// <summary>An edit of a source image.</summary>
    /// <param name="prompt">The edit to make.</param>
    /// <param name="source">The image to edit.</param>
    /// <param name="model">The model, or null for the server's default (uni-1).</param>
    public static GenerationRequest CreateImageEdit(string prompt, ImageRef source, GenerationModel? model = null)
        => new() { Prompt = prompt, Type = GenerationType.ImageEdit, Source = source, Model = model };

    /// <summary>A video from a prompt, with ray-3.2.</summary>
    /// <param name="prompt">What to film.</param>
    /// <param name="video">Duration, resolution, frames and other video options, or null for the defaults.</param>
    /// <param name="aspectRatio">The aspect ratio, or null for the server's default.</param>
    public static GenerationRequest CreateVideo(string prompt, VideoOptions? video = null, AspectRatio? aspectRatio = null)
        => new() { Prompt = prompt, Type = GenerationType.Video, Model = GenerationModel.Ray32, Video = video, AspectRatio = aspectRatio };

    /// <summary>An edit of a source video, with ray-3.2.</summary>
    /// <param name="prompt">The edit to make.</param>
    /// <param name="source">The video to edit (a URL source needs its <see cref="ImageRef.MediaType"/>).</param>
    /// <param name="edit">Strength, controls and keyframes, or null for the defaults.</param>
    public static GenerationRequest CreateVideoEdit(string prompt, ImageRef source, VideoEditOptions? edit = null)
        => new()
        {
            Prompt = prompt,
            Type = GenerationType.VideoEdit,
            Model = GenerationModel.Ray32,
            Source = source,
            Video = edit is null ? null : new VideoOptions { Edit = edit },
        };

    /// <summary>A reframe of a source video to another aspect ratio, with ray-3.2.</summary>
    /// <param name="prompt">What to show in the new area.</param>
    /// <param name="source">The video to reframe (a URL source needs its <see cref="ImageRef.MediaType"/>).</param>
    /// <param name="aspectRatio">The new aspect ratio.</param>
    /// <param name="sourcePosition">Where the source sits in the new frame, or null for the server's choice.</param>
    public static GenerationRequest CreateVideoReframe(string prompt, ImageRef source, AspectRatio aspectRatio, SourcePosition? sourcePosition = null)
        => new()
        {
            Prompt = prompt,
            Type = GenerationType.VideoReframe,
            Model = GenerationModel.Ray32,
            Source = source,
            AspectRatio = aspectRatio,
            Video = sourcePosition is null ? null : new VideoOptions { SourcePosition = sourcePosition },
        };

    /// <summary>A split of an image into layers, with uni-1 (the only model that makes layers).</summary>
    /// <param name="source">The image to split.</param>
    /// <param name="prompt">Guidance for the split (optional, at most 500 characters), or null.</param>
    /// <param name="resolution">The layers' resolution, or null for the server's default.</param>
    public static GenerationRequest CreateLayering(ImageRef source, string? prompt = null, LayeringResolution? resolution = null)
        => new()
        {
            Prompt = prompt,
            Type = GenerationType.Layering,
            Model = GenerationModel.Uni1,
            Source = source,
            Layering = resolution is null ? null : new LayeringOptions { Resolution = resolution },
        };

    // The first names, kept working (hidden from IntelliSense) so that code written against them compiles unchanged:
    // not [Obsolete], because that warning fails every build that treats warnings as errors, for a rename alone.

    /// <summary>The former name of <see cref="CreateImage"/>; use that.</summary>
    /// <param name="prompt">What to draw.</param>
    /// <param name="aspectRatio">The aspect ratio, or null for the server's default.</param>
    /// <param name="model">The model, or null for the server's default (uni-1).</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static GenerationRequest Image(string prompt, AspectRatio? aspectRatio = null, GenerationModel? model = null)
        => CreateImage(prompt, aspectRatio, model);

    /// <summary>The former name of <see cref="CreateImageEdit"/>; use that.</summary>
    /// <param name="prompt">The edit to make.</param>
    /// <param name="source">The image to edit.</param>
    /// <param name="model">The model, or null for the server's default (uni-1).</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static GenerationRequest ImageEdit(string prompt, ImageRef source, GenerationModel? model = null)
        => CreateImageEdit(prompt, source, model);

    /// <summary>The former name of <see cref="CreateVideo"/>; use that.</summary>
    /// <param name="prompt">What to film.</param>
    /// <param name="video">Duration, resolution, frames and other video options, or null for the defaults.</param>
    /// <param name="aspectRatio">The aspect ratio, or null for the server's default.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static GenerationRequest NewVideo(string prompt, VideoOptions? video = null, AspectRatio? aspectRatio = null)
        => CreateVideo(prompt, video, aspectRatio);

    /// <summary>The former name of <see cref="CreateVideoEdit"/>; use that.</summary>
    /// <param name="prompt">The edit to make.</param>
    /// <param name="source">The video to edit.</param>
    /// <param name="edit">Strength, controls and keyframes, or null for the defaults.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static GenerationRequest VideoEdit(string prompt, ImageRef source, VideoEditOptions? edit = null)
        => CreateVideoEdit(prompt, source, edit);

    /// <summary>The former name of <see cref="CreateVideoReframe"/>; use that.</summary>
    /// <param name="prompt">What to show in the new area.</param>
    /// <param name="source">The video to reframe.</param>
    /// <param name="aspectRatio">The new aspect ratio.</param>
    /// <param name="sourcePosition">Where the source sits in the new frame, or null for the server's choice.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static GenerationRequest VideoReframe(string prompt, ImageRef source, AspectRatio aspectRatio, SourcePosition? sourcePosition = null)
        => CreateVideoReframe(prompt, source, aspectRatio, sourcePosition);

    /// <summary>
    /// Checks the documented hard rules of the API without sending anything, and returns every problem found
    /// (empty when the request looks valid). The client runs this before each create unless
    /// <see cref="LumaClientOptions.ValidateRequests"/> is false; the server remains the authority.
    /// </summary>
    public IReadOnlyList<LumaValidationError> Validate() => GenerationRequestValidator.Validate(this);

    /// <summary>
    /// The request with <paramref name="map"/> applied to every media input the SDK models as an <see cref="ImageRef"/>:
    /// <c>source</c>, <c>image_ref[i]</c>, <c>video.start_frame</c>, <c>video.end_frame</c>, <c>video.guide_frame</c>,
    /// <c>video.keyframes[i]</c> and <c>video.edit.keyframes[i]</c>, in that order, each with its wire location. Tools use
    /// it to swap a local file for an uploaded one (<see cref="ImageRef.FromUploadedFile"/>) once the request is valid.
    /// Inputs that are absent stay absent; the request itself is not changed.
    /// </summary>
    /// <param name="map">Given an input and its location (such as <c>video.keyframes[2]</c>), returns what to send instead.</param>
    /// <param name="cancellationToken">Passed to <paramref name="map"/>.</param>
    public async Task<GenerationRequest> MapImageRefsAsync(Func<ImageRef, string, CancellationToken, Task<ImageRef>> map, CancellationToken cancellationToken = default)
    {
        if (map is null)
        {
            throw new ArgumentNullException(nameof(map));
        }

        async Task<ImageRef?> OneAsync(ImageRef? reference, string location)
            => reference is null ? null : await map(reference, location, cancellationToken).ConfigureAwait(false);

        async Task<IReadOnlyList<ImageRef>?> ListAsync(IReadOnlyList<ImageRef>? references, string location)
        {
            if (references is null)
            {
                return null;
            }

            var mapped = new List<ImageRef>(references.Count);
            for (var i = 0; i < references.Count; i++)
            {
                mapped.Add((await OneAsync(references[i], location + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]").ConfigureAwait(false))!);
            }

            return mapped;
        }

        var source = await OneAsync(Source, "source").ConfigureAwait(false);
        var imageRefs = await ListAsync(ImageRefs, "image_ref").ConfigureAwait(false);
        var video = Video;
        if (video is not null)
        {
            video = video with
            {
                StartFrame = await OneAsync(video.StartFrame, "video.start_frame").ConfigureAwait(false),
                EndFrame = await OneAsync(video.EndFrame, "video.end_frame").ConfigureAwait(false),
                GuideFrame = await OneAsync(video.GuideFrame, "video.guide_frame").ConfigureAwait(false),
                Keyframes = await ListAsync(video.Keyframes, "video.keyframes").ConfigureAwait(false),
            };
            if (video.Edit is { } edit)
            {
                video = video with { Edit = edit with { Keyframes = await ListAsync(edit.Keyframes, "video.edit.keyframes").ConfigureAwait(false) } };
            }
        }

        return this with { Source = source, ImageRefs = imageRefs, Video = video };
    }
}
