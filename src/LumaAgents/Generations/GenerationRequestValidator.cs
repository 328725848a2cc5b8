using System.Globalization;

namespace LumaAgents;

/// <summary>
/// The documented hard rules of <c>POST /generations</c> (reference §2), checked before sending. Every problem is
/// collected, none short-circuits. Rules are applied only where the values involved are known to this SDK: an
/// unknown model, type or ratio is the server's to judge.
/// </summary>
/// <remarks>
/// The simulator's validator (<c>LumaAgents.Testing</c>) is an independent reading of the same rules over the raw JSON;
/// <c>ValidatorAgreementTests</c> holds the two to the same verdict on every case of the request tests.
/// </remarks>
internal static class GenerationRequestValidator
{
    private const int MaxPromptLength = GenerationLimits.MaxPromptLength;
    private const int MaxLayeringPromptLength = GenerationLimits.MaxLayeringPromptLength;
    private const int MaxUserIdLength = GenerationLimits.MaxUserIdLength;
    private const int MaxKeyframes = GenerationLimits.MaxKeyframes;
    private const long MaxImageBytes = GenerationLimits.MaxImageBytes;
    private const long MaxVideoBytes = GenerationLimits.MaxVideoBytes;

    // The 24 fps output grid: the last frame of a 5 s and of a 10 s video.
    private const int LastFrameOf5s = 120;
    private const int LastFrameOf10s = 240;

    private static readonly AspectRatio[] ImageRatios =
    [
        AspectRatio.Ratio3x1, AspectRatio.Ratio2x1, AspectRatio.Ratio16x9, AspectRatio.Ratio3x2, AspectRatio.Ratio1x1,
        AspectRatio.Ratio2x3, AspectRatio.Ratio9x16, AspectRatio.Ratio1x2, AspectRatio.Ratio1x3,
    ];

    private static readonly AspectRatio[] VideoRatios =
    [
        AspectRatio.Ratio9x16, AspectRatio.Ratio3x4, AspectRatio.Ratio1x1, AspectRatio.Ratio4x3, AspectRatio.Ratio16x9,
        AspectRatio.Ratio21x9,
    ];

    private static readonly AspectRatio[] PortraitRatios =
        [AspectRatio.Ratio2x3, AspectRatio.Ratio9x16, AspectRatio.Ratio1x2, AspectRatio.Ratio1x3];

    public static IReadOnlyList<LumaValidationError> Validate(GenerationRequest request)
    {
        var errors = new List<LumaValidationError>(0);
        var type = request.Type ?? GenerationType.Image;
        var model = request.Model ?? GenerationModel.Uni1;
        var isVideoType = type.IsVideo;
        var isImageType = type == GenerationType.Image || type == GenerationType.ImageEdit || type == GenerationType.Layering;

        CheckPrompt(request.Prompt, type, errors);
        CheckModelMatchesType(request, model, type, isVideoType, isImageType, errors);
        CheckAspectRatio(request, type, errors);

        if (request.OutputFormat is not null && isVideoType)
        {
            errors.Add(new("output_format", "applies to images only; remove it for video generations"));
        }

        CheckImageRefs(request.ImageRefs, type, errors);
        CheckSource(request.Source, type, isVideoType, errors);

        if (request.UserId is { Length: > MaxUserIdLength } userId)
        {
            errors.Add(new("user_id", $"is {userId.Length} characters; at most {MaxUserIdLength} are allowed"));
        }

        if (request.Layering is not null && type.IsKnown && type != GenerationType.Layering)
        {
            errors.Add(new("layering", "is only allowed with type layering"));
        }

        if (request.Video is { } video)
        {
            if (model.IsKnown && model != GenerationModel.Ray32)
            {
                errors.Add(new("video", $"needs model ray-3.2 (video options are for videos), but the model is {model}"));
            }

            CheckVideo(video, type, errors);
        }

        return errors;
    }

    private static void CheckPrompt(string? prompt, GenerationType type, List<LumaValidationError> errors)
    {
        if (type == GenerationType.Layering)
        {
            if (prompt is not null && CountCharacters(prompt) > MaxLayeringPromptLength)
            {
                errors.Add(new("prompt", $"is {CountCharacters(prompt)} characters; layering allows at most {MaxLayeringPromptLength}"));
            }

            return;
        }

        // Only an empty prompt breaks the documented rule (1 to 6000 characters); whether a prompt of spaces says
        // enough is the model's to judge, as the server accepts it.
        if (prompt is null || prompt.Length == 0)
        {
            errors.Add(new("prompt", $"is required: describe what to generate (1 to {Thousands(MaxPromptLength)} characters)"));
            return;
        }

        var length = CountCharacters(prompt);
        if (length > MaxPromptLength)
        {
            errors.Add(new("prompt", $"is {length} characters; at most {MaxPromptLength} are allowed"));
        }
    }

    private static void CheckModelMatchesType(
        GenerationRequest request, GenerationModel model, GenerationType type, bool isVideoType, bool isImageType, List<LumaValidationError> errors)
    {
        if (!model.IsKnown)
        {
            return;
        }

        if (type == GenerationType.Layering)
        {
            // Layers are made by uni-1 alone (the official SDKs document it), from the image in source.
            if (model != GenerationModel.Uni1)
            {
                errors.Add(new("model", $"type layering needs model uni-1, the only model that makes layers, not {model}"));
            }
        }
        else if (isVideoType && model != GenerationModel.Ray32)
        {
            var which = request.Model is null ? "no model is set (the server's default is uni-1)" : $"the model is {model}";
            errors.Add(new("model", $"type {type} needs model ray-3.2, but {which}"));
        }
        else if (isImageType && model == GenerationModel.Ray32)
        {
            errors.Add(new("model", $"ray-3.2 makes videos; type {type} needs uni-1 or uni-1-max"));
        }
    }

    private static void CheckAspectRatio(GenerationRequest request, GenerationType type, List<LumaValidationError> errors)
    {
        if (request.AspectRatio is not { } ratio)
        {
            // The server's default ratio is not a portrait one, so manga needs one named.
            if (request.Style == ImageStyle.Manga)
            {
                errors.Add(new("style", $"manga needs a portrait aspect ratio: set aspect_ratio to one of {Join(PortraitRatios)}"));
            }

            return;
        }

        if (ratio.IsKnown)
        {
            // Layering is made by uni-1, which checks the image set (the server checks the set of the model).
            if ((type == GenerationType.Image || type == GenerationType.Layering) && Array.IndexOf(ImageRatios, ratio) < 0)
            {
                errors.Add(new("aspect_ratio", $"{ratio} is not available for images; use one of {Join(ImageRatios)}"));
            }
            else if ((type == GenerationType.Video || type == GenerationType.VideoReframe) && Array.IndexOf(VideoRatios, ratio) < 0)
            {
                errors.Add(new("aspect_ratio", $"{ratio} is not available for video; use one of {Join(VideoRatios)}"));
            }
        }

        if (request.Style == ImageStyle.Manga && ratio.IsKnown && Array.IndexOf(PortraitRatios, ratio) < 0)
        {
            errors.Add(new("style", $"manga needs a portrait aspect ratio ({Join(PortraitRatios)}), not {ratio}"));
        }
    }

    private static void CheckImageRefs(IReadOnlyList<ImageRef>? refs, GenerationType type, List<LumaValidationError> errors)
    {
        if (refs is null)
        {
            return;
        }

        // 8 for an image edit (the source is the ninth), 9 for every other type; an unknown type is the server's call.
        var max = !type.IsKnown ? int.MaxValue
            : type == GenerationType.ImageEdit ? GenerationLimits.MaxImageRefsForImageEdit
            : GenerationLimits.MaxImageRefs;
        if (refs.Count > max)
        {
            errors.Add(new("image_ref", $"has {refs.Count} images; type {type} allows at most {max}"));
        }

        for (var i = 0; i < refs.Count; i++)
        {
            CheckImageRef(refs[i], Index("image_ref", i), isVideo: false, errors);
        }
    }

    private static void CheckSource(ImageRef? source, GenerationType type, bool isVideoType, List<LumaValidationError> errors)
    {
        var needsSource = type == GenerationType.ImageEdit || type == GenerationType.VideoEdit || type == GenerationType.VideoReframe
            || type == GenerationType.Layering;
        if (source is null)
        {
            if (needsSource)
            {
                errors.Add(new("source", type == GenerationType.Layering
                    ? "is required for type layering: set Source to the image to split into layers"
                    : $"is required for type {type}: set Source to the media to edit"));
            }

            return;
        }

        if (type == GenerationType.Image)
        {
            errors.Add(new("source", "must be absent for type image; use type image_edit to edit an image, or ImageRefs for references"));
        }

        CheckImageRef(source, "source", isVideo: isVideoType, errors);
    }

    private static void CheckVideo(VideoOptions video, GenerationType type, List<LumaValidationError> errors)
    {
        var isTenSeconds = video.Duration == VideoDuration.Seconds10;
        var hasKeyframes = video.Keyframes is { Count: > 0 };

        if (video.Loop == true)
        {
            if (type.IsKnown && type != GenerationType.Video)
            {
                errors.Add(new("video.loop", "is only available for type video"));
            }

            if (isTenSeconds)
            {
                errors.Add(new("video.loop", "cannot be combined with a 10s duration"));
            }

            if (video.Hdr == true)
            {
                errors.Add(new("video.loop", "cannot be combined with video.hdr"));
            }

            if (video.EndFrame is not null)
            {
                errors.Add(new("video.loop", "cannot be combined with video.end_frame"));
            }
        }

        if (video.Hdr == true)
        {
            if (video.Resolution is { IsKnown: true } resolution
                && resolution != VideoResolution.Resolution720p && resolution != VideoResolution.Resolution1080p)
            {
                errors.Add(new("video.hdr", $"needs resolution 720p or 1080p, not {resolution}"));
            }

            if (type == GenerationType.VideoReframe)
            {
                errors.Add(new("video.hdr", "is not available for type video_reframe"));
            }
        }

        if (video.ExrExport == true && video.Hdr != true)
        {
            errors.Add(new("video.exr_export", "requires video.hdr = true"));
        }

        if (video.StartFrame is { } start)
        {
            CheckImageRef(start, "video.start_frame", isVideo: false, errors);
            if (isTenSeconds)
            {
                errors.Add(new("video.start_frame", "is only available with a 5s duration"));
            }
        }

        if (video.EndFrame is { } end)
        {
            CheckImageRef(end, "video.end_frame", isVideo: false, errors);
            if (isTenSeconds)
            {
                errors.Add(new("video.end_frame", "is only available with a 5s duration"));
            }
        }

        if (video.GuideFrame is { } guide)
        {
            CheckImageRef(guide, "video.guide_frame", isVideo: false, errors);
        }

        if (video.Keyframes is not null || video.KeyframeIndexes is not null)
        {
            if (type.IsKnown && type != GenerationType.Video)
            {
                errors.Add(new("video.keyframes", "are only available for type video (use video.edit.keyframes for edits)"));
            }

            if (hasKeyframes && (video.StartFrame is not null || video.EndFrame is not null || video.Loop == true))
            {
                errors.Add(new("video.keyframes", "cannot be combined with video.start_frame, video.end_frame or video.loop"));
            }

            var maxIndex = isTenSeconds ? LastFrameOf10s : LastFrameOf5s;
            CheckKeyframes(video.Keyframes, video.KeyframeIndexes, "video", minCount: 1, maxIndex, errors);
        }

        if (video.SourcePosition is { } position)
        {
            if (type.IsKnown && type != GenerationType.VideoReframe)
            {
                errors.Add(new("video.source_position", "is only available for type video_reframe"));
            }

            CheckSize(position.WNorm, "video.source_position.w_norm", errors);
            CheckSize(position.HNorm, "video.source_position.h_norm", errors);
            CheckFinite(position.XNorm, "video.source_position.x_norm", errors);
            CheckFinite(position.YNorm, "video.source_position.y_norm", errors);
        }

        if (video.Edit is { } edit)
        {
            if (type.IsKnown && type != GenerationType.VideoEdit)
            {
                errors.Add(new("video.edit", "is only available for type video_edit"));
            }

            CheckEdit(edit, video, errors);
        }
    }

    private static void CheckEdit(VideoEditOptions edit, VideoOptions video, List<LumaValidationError> errors)
    {
        if (edit.AutoControls == true && edit.Controls is not null)
        {
            errors.Add(new("video.edit.controls", "cannot be combined with video.edit.auto_controls = true; remove one of them"));
        }

        if (edit.Controls is { } controls)
        {
            CheckUnit(controls.Depth?.Blur, "video.edit.controls.depth.blur", errors);
            CheckUnit(controls.Normals?.Augmentation, "video.edit.controls.normals.augmentation", errors);
            CheckUnit(controls.Trajectory?.Sparsity, "video.edit.controls.trajectory.sparsity", errors);
        }

        if (edit.Keyframes is not null || edit.KeyframeIndexes is not null)
        {
            if (video.StartFrame is not null && edit.Keyframes is { Count: > 0 })
            {
                errors.Add(new("video.edit.keyframes", "cannot be combined with video.start_frame"));
            }

            CheckKeyframes(edit.Keyframes, edit.KeyframeIndexes, "video.edit", minCount: 0, maxIndex: int.MaxValue, errors);
        }
    }

    private static void CheckKeyframes(
        IReadOnlyList<ImageRef>? frames, IReadOnlyList<int>? indexes, string prefix, int minCount, int maxIndex, List<LumaValidationError> errors)
    {
        var framesPath = prefix + ".keyframes";
        var indexesPath = prefix + ".keyframe_indexes";
        var frameCount = frames?.Count ?? 0;

        if (frames is not null && (frameCount < minCount || frameCount > MaxKeyframes))
        {
            errors.Add(new(framesPath, $"has {frameCount}; between {Math.Max(minCount, 1)} and {MaxKeyframes} are allowed"));
        }

        if (frames is not null)
        {
            for (var i = 0; i < frames.Count; i++)
            {
                CheckImageRef(frames[i], Index(framesPath, i), isVideo: false, errors);
            }
        }

        if (indexes is null)
        {
            if (frameCount > 0)
            {
                errors.Add(new(indexesPath, $"is required with {framesPath}: one frame index per keyframe"));
            }

            return;
        }

        if (indexes.Count != frameCount)
        {
            errors.Add(new(indexesPath, $"has {indexes.Count} entries but {framesPath} has {frameCount}; they must pair up one to one"));
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < indexes.Count; i++)
        {
            var index = indexes[i];
            if (index < 0)
            {
                errors.Add(new(Index(indexesPath, i), $"is {index}; frame indexes are 0 or more"));
            }
            else if (index > maxIndex)
            {
                errors.Add(new(Index(indexesPath, i), $"is {index}; on the 24 fps grid of this duration the last frame is {maxIndex}"));
            }

            if (!seen.Add(index))
            {
                errors.Add(new(Index(indexesPath, i), $"repeats frame {index}; frame indexes must be unique"));
            }
        }
    }

    private static void CheckImageRef(ImageRef? reference, string path, bool isVideo, List<LumaValidationError> errors)
    {
        if (reference is null)
        {
            errors.Add(new(path, "is null; remove the entry or set one of url, data, generation_id or file_id"));
            return;
        }

        var sources = (reference.Url is not null ? 1 : 0) + (reference.Data is not null ? 1 : 0)
            + (reference.GenerationId is not null ? 1 : 0) + (reference.FileId is not null ? 1 : 0);
        if (sources != 1)
        {
            errors.Add(new(path, sources == 0
                ? "needs exactly one of url, data, generation_id or file_id, and has none"
                : $"needs exactly one of url, data, generation_id or file_id, and has {sources}"));
        }

        if (reference.Url is { } url)
        {
            if (!url.IsAbsoluteUri || !string.Equals(url.Scheme, "https", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(path + ".url", $"must be a public https URL; '{RedactedUrl(url)}' is not"));
            }

            if (isVideo && string.IsNullOrWhiteSpace(reference.MediaType))
            {
                errors.Add(new(path + ".media_type", "is required for a video given by URL, for example video/mp4"));
            }
        }

        if (reference.Data is { } data)
        {
            if (string.IsNullOrWhiteSpace(reference.MediaType))
            {
                errors.Add(new(path + ".media_type", "is required with data, for example image/png"));
            }

            var decoded = (data.Length / 4L) * 3;
            var limit = isVideo ? MaxVideoBytes : MaxImageBytes;
            if (decoded > limit)
            {
                errors.Add(new(path + ".data", $"decodes to about {decoded / (1024 * 1024)} MB; at most {limit / (1024 * 1024)} MB are allowed"));
            }
        }

        if (reference.GenerationId is { } id && id.Trim().Length == 0)
        {
            errors.Add(new(path + ".generation_id", "is empty"));
        }

        if (reference.FileId is { } fileId && fileId.Trim().Length == 0)
        {
            errors.Add(new(path + ".file_id", "is empty"));
        }
    }

    private static void CheckUnit(double? value, string path, List<LumaValidationError> errors)
    {
        if (value is { } v && !(v >= 0 && v <= 1))
        {
            errors.Add(new(path, $"is {Format(v)}; it must be between 0 and 1"));
        }
    }

    private static void CheckSize(double value, string path, List<LumaValidationError> errors)
    {
        if (!(value > 0 && value <= 2.0))
        {
            errors.Add(new(path, $"is {Format(value)}; it must be greater than 0 and at most 2.0"));
        }
    }

    private static void CheckFinite(double value, string path, List<LumaValidationError> errors)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            errors.Add(new(path, "must be a finite number"));
        }
    }

    /// <summary>Counts characters as the server does (code points), so an emoji counts once, not twice.</summary>
    private static int CountCharacters(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>Scheme, host and path only: a URL's query may carry a credential.</summary>
    private static string RedactedUrl(Uri url)
        => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString;

    private static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Join(AspectRatio[] ratios) => string.Join(", ", ratios);

    private static string Thousands(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
