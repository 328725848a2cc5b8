using System.Globalization;
using System.Text.Json.Nodes;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Schema;

/// <summary>
/// The schemas shared by the generation tools: the request (in the API's own snake_case shape, so the SDK's
/// validation paths such as <c>video.loop</c> name the argument the agent wrote) and the generation as results
/// report it. Known values come from the SDK's extensible enums, limits from <see cref="GenerationLimits"/>.
/// </summary>
internal static class GenerationSchemas
{
    /// <summary>The request's top-level properties, for a tool to add its own beside them.</summary>
    public static (string Name, JsonObject Schema)[] RequestProperties() =>
    [
        ("prompt", String(
            $"What to generate, in plain words: 1–{GenerationLimits.MaxPromptLength} characters. Required for every type except layering "
            + $"(optional there, at most {GenerationLimits.MaxLayeringPromptLength}).",
            GenerationLimits.MaxPromptLength)),
        ("type", Enum(
            Known(GenerationType.KnownValues),
            "What to make (default image): image = a new image from the prompt; image_edit = change `source`; video = a new video "
            + "(model ray-3.2); video_edit = change the `source` video (ray-3.2); video_reframe = the `source` video at a new "
            + "aspect_ratio (ray-3.2); layering = split an image (as `source`) into layers.")),
        ("model", Enum(
            Known(GenerationModel.KnownValues),
            "uni-1 (default, images), uni-1-max (images, higher quality, about twice as slow and dearer), ray-3.2 (required for the video types).")),
        ("aspect_ratio", Enum(
            Known(AspectRatio.KnownValues),
            "Output shape. Images: 3:1 2:1 16:9 3:2 1:1 2:3 9:16 1:2 1:3. Video and video_reframe: 9:16 3:4 1:1 4:3 16:9 21:9. Ignored for image_edit and video_edit.")),
        ("style", Enum(Known(ImageStyle.KnownValues), "Image style (default auto); manga needs a portrait aspect_ratio (2:3, 9:16, 1:2, 1:3).")),
        ("output_format", Enum(Known(OutputFormat.KnownValues), "Image file format (images only; the API's default when absent).")),
        ("web_search", Boolean("Let the model search the web for references (default false; adds a few seconds).")),
        ("user_id", String(
            $"Your end user's opaque id, at most {GenerationLimits.MaxUserIdLength} characters, no personal data. Useful to find a job again.",
            GenerationLimits.MaxUserIdLength)),
        ("source", MediaRef("The image or video to work on: required for image_edit, video_edit and video_reframe; the image to split for layering; not allowed for image.")),
        ("image_ref", Array(
            MediaRef("A reference image."),
            $"Reference images guiding style or content: at most {GenerationLimits.MaxImageRefs} ({GenerationLimits.MaxImageRefsForImageEdit} for image_edit).",
            GenerationLimits.MaxImageRefs)),
        ("video", Video()),
        ("layering", Object("Layering options (type layering only).", ("resolution", Enum(Known(LayeringResolution.KnownValues), "1k or 2k."))))
    ];

    /// <summary>
    /// One input image or video: exactly one of <c>url</c>, <c>path</c>, <c>generation_id</c>, <c>file_id</c>.
    /// </summary>
    public static JsonObject MediaRef(string description) => Object(
        description + " Give exactly one of url, path, generation_id or file_id.",
        ("url", String("A public https URL of the image or video.")),
        ("path", String(
            "A local file inside a folder luma-mcp may read (see --allow-dir), absolute or relative to the first such folder; it is sent "
            + $"inline as base64 (images up to {GenerationLimits.MaxImageBytes / (1024 * 1024)} MB, videos up to {GenerationLimits.MaxVideoBytes / (1024 * 1024)} MB).")),
        ("generation_id", String("A previous generation of this account (for example a video to extend, as video.start_frame).")),
        ("file_id", String("A file uploaded to the Luma Files API that is ready.")),
        ("media_type", String("The MIME type, such as image/png or video/mp4. Inferred from the file or URL extension when absent; required for a video URL without one.")));

    private static JsonObject Video() => Object(
        "Video options (model ray-3.2 only).",
        ("duration", Enum(Known(VideoDuration.KnownValues), "5s (default) or 10s.")),
        ("resolution", Enum(Known(VideoResolution.KnownValues), "360p, 540p, 720p (default) or 1080p; higher takes longer.")),
        ("loop", Boolean("A seamless loop (type video only; not with 10s, hdr, end_frame or keyframes).")),
        ("hdr", Boolean("High dynamic range (720p or 1080p; not for video_reframe).")),
        ("exr_export", Boolean("Also export EXR frames (requires hdr).")),
        ("start_frame", MediaRef("The first frame (5s only); a generation_id here extends that video.")),
        ("end_frame", MediaRef("The last frame (5s only).")),
        ("guide_frame", MediaRef("A guide frame (newest API; its effect is not documented yet).")),
        ("keyframes", Array(
            MediaRef("A keyframe."),
            $"1–{GenerationLimits.MaxKeyframes} keyframes (type video only; not with start_frame, end_frame or loop), paired with keyframe_indexes.",
            GenerationLimits.MaxKeyframes)),
        ("keyframe_indexes", Array(
            Integer("A frame index on the 24 fps output grid.", 0),
            "Where each keyframe sits: unique, 0–120 for 5s, 0–240 for 10s; as many as keyframes.",
            GenerationLimits.MaxKeyframes)),
        ("source_position", Object(
            "Where the source sits in the new frame (type video_reframe only); all four are required.",
            ("x_norm", Number("Left edge, as a fraction of the new width (may be negative).")),
            ("y_norm", Number("Top edge, as a fraction of the new height (may be negative).")),
            ("w_norm", Number("Width, as a fraction of the new width (at most 2).", maximum: 2)),
            ("h_norm", Number("Height, as a fraction of the new height (at most 2).", maximum: 2))).Require("x_norm", "y_norm", "w_norm", "h_norm")),
        ("edit", Object(
            "Video edit options (type video_edit only).",
            ("auto_controls", Boolean("Let the model choose the controls (then leave controls out).")),
            ("strength", Enum(Known(VideoEditStrength.KnownValues), "How far the edit may move from the source: adhere_1–3 (closest), flex_1–3, reimagine_1–3 (freest).")),
            ("controls", Object(
                "Advanced controls (not with auto_controls true).",
                ("pose", Object("Follow the source's poses.", ("enabled", Boolean("On or off.")), ("strength", Enum(Known(PoseControlStrength.KnownValues), "precise or coarse.")))),
                ("depth", Object("Follow the source's depth.", ("enabled", Boolean("On or off.")), ("blur", Number("Depth-map blur, 0–1.", 0, 1)))),
                ("normals", Object("Follow the source's surface normals.", ("enabled", Boolean("On or off.")), ("augmentation", Number("Normals augmentation, 0–1.", 0, 1)))),
                ("trajectory", Object("Follow the source's motion.", ("enabled", Boolean("On or off.")), ("sparsity", Number("Trajectory sparsity, 0–1.", 0, 1)))),
                ("face", Object("Keep the source's faces.", ("enabled", Boolean("On or off.")))))),
            ("keyframes", Array(MediaRef("A keyframe."), $"Up to {GenerationLimits.MaxKeyframes} keyframes (not with video.start_frame), paired with keyframe_indexes.", GenerationLimits.MaxKeyframes)),
            ("keyframe_indexes", Array(Integer("A frame index on the source video's grid.", 0), "Where each keyframe sits: unique and non-negative; as many as keyframes.", GenerationLimits.MaxKeyframes)))));

    /// <summary>The fields every generation result carries (get, wait, create, generate), all required.</summary>
    public static (string Name, JsonObject Schema)[] GenerationProperties() =>
    [
        ("id", String("The generation id: keep it, it is how to read, wait for or download this job later.")),
        ("state", String("queued, processing, completed or failed; any other value (such as pending) means still running.")),
        ("running", Boolean("True while the job is not completed or failed (unknown states count as running).")),
        ("type", OrNull(String("The generation type."))),
        ("model", OrNull(String("The model."))),
        ("created_at", OrNull(String("When it was created (ISO 8601)."))),
        ("failure_code", OrNull(String("Why it failed (content_moderated, generation_failed, budget_exhausted, output_not_found, image_too_large, unsupported_format, corrupt_input, invalid_request, rate_limited or newer)."))),
        ("failure_reason", OrNull(String("The API's own words on the failure."))),
        ("retry_may_help", OrNull(Boolean("When failed: whether submitting the same request again (a new, billed job) may succeed."))),
        ("outputs", Array(
            Object(
                "One output.",
                ("index", Integer("Its position, from 0.", 0)),
                ("type", OrNull(String("image, video, or a newer kind."))),
                ("url", OrNull(String("A presigned download URL, valid for one hour after this read; download_outputs fetches fresh ones."))),
                ("layer", OrNull(OpenObject("For layering: index, label, description, alpha_hint, bounds."))))
                .Require("index", "type", "url", "layer"),
            "The outputs; empty until completed.")),
        ("next_step", String("What to do next, in words."))
    ];

    /// <summary>The fields of every result when the server runs against its built-in simulator.</summary>
    public static (string Name, JsonObject Schema)[] SimulatorProperties() =>
    [
        ("simulated", Boolean("Present and true when luma-mcp runs with --simulator: nothing was sent to Luma, nothing is billed.")),
        ("notice", String("Why the result is simulated."))
    ];

    /// <summary>The names of <see cref="GenerationProperties"/>, all required in results.</summary>
    public static string[] GenerationRequired() => [.. GenerationProperties().Select(p => p.Name)];

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Known<T>(IEnumerable<T> values)
        where T : struct => values.Select(v => v.ToString()!);
}
