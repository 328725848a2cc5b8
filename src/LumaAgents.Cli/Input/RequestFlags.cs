namespace LumaAgents.Cli.Input;

/// <summary>
/// The flag for every field of the request body (<c>POST /generations</c>). Enum-valued flags take their completion
/// values from the SDK's extensible enums, so a value added to the SDK completes without a change here.
/// </summary>
internal static class RequestFlags
{
    /// <summary>A new set of flags (System.CommandLine options belong to one command each).</summary>
    public static IReadOnlyList<RequestFlag> Create() =>
    [
        new("prompt", FlagKind.Text, $"What to generate (1–{GenerationLimits.MaxPromptLength} characters). @file reads it from a file, @@ starts it with a literal @."),
        new("model", FlagKind.Enum, "The model (server default uni-1).", GenerationModel.KnownValues.Select(v => v.Value)),
        new("type", FlagKind.Enum, "The kind of generation (server default image).", GenerationType.KnownValues.Select(v => v.Value)),
        new("aspect_ratio", FlagKind.Enum, "The output aspect ratio.", AspectRatio.KnownValues.Select(v => v.Value)),
        new("style", FlagKind.Enum, "The image style (manga needs a portrait ratio).", ImageStyle.KnownValues.Select(v => v.Value)),
        new("output_format", FlagKind.Enum, "The image file format.", OutputFormat.KnownValues.Select(v => v.Value)),
        new("image_ref", FlagKind.ImageRefList, $"A reference image; repeat for several (up to {GenerationLimits.MaxImageRefs})."),
        new("image_ref.url", FlagKind.ImageRefListMember, "A reference image's URL (the official CLI's inner flag; each repetition starts a new entry)."),
        new("image_ref.data", FlagKind.ImageRefListMember, "A reference image's base64 data (@data://file reads a file)."),
        new("image_ref.media_type", FlagKind.ImageRefListMember, "A reference image's media type, e.g. image/png."),
        new("image_ref.generation_id", FlagKind.ImageRefListMember, "A previous generation as a reference image."),
        new("image_ref.file_id", FlagKind.ImageRefListMember, "An uploaded file as a reference image."),
        new("source", FlagKind.ImageRef, "The image or video to edit or reframe."),
        new("source.url", FlagKind.Text, "The source's URL (the official CLI's inner flag)."),
        new("source.data", FlagKind.Text, "The source's base64 data (@data://file reads a file)."),
        new("source.media_type", FlagKind.Text, "The source's media type, e.g. video/mp4."),
        new("source.generation_id", FlagKind.Text, "A previous generation as the source."),
        new("source.file_id", FlagKind.Text, "An uploaded file as the source."),
        new("web_search", FlagKind.Bool, "Let the model search the web for references."),
        new("user_id", FlagKind.Text, $"Your end user's opaque id (at most {GenerationLimits.MaxUserIdLength} characters); helps reconcile jobs."),
        new("video", FlagKind.Object, "Video options as a JSON/YAML object (ray-3.2)."),
        new("video.duration", FlagKind.Enum, "Video length.", VideoDuration.KnownValues.Select(v => v.Value)),
        new("video.resolution", FlagKind.Enum, "Video resolution (server default 720p).", VideoResolution.KnownValues.Select(v => v.Value)),
        new("video.loop", FlagKind.Bool, "A seamless loop (5s, type video, no end frame or keyframes)."),
        new("video.hdr", FlagKind.Bool, "High dynamic range (720p or 1080p)."),
        new("video.exr_export", FlagKind.Bool, "Also export EXR frames (needs --video.hdr)."),
        new("video.start_frame", FlagKind.ImageRef, "The first frame; gen:<id> extends that video."),
        new("video.end_frame", FlagKind.ImageRef, "The last frame."),
        new("video.guide_frame", FlagKind.ImageRef, "A guide frame."),
        new("video.keyframes", FlagKind.ImageRefList, "A keyframe; repeat in order, with --video.keyframe-indexes."),
        new("video.keyframe_indexes", FlagKind.IntegerList, "Keyframe positions on the 24 fps output grid."),
        new("video.source_position", FlagKind.SourcePosition, "Where the source sits in a reframe, normalized."),
        new("video.source_position.x_norm", FlagKind.Number, "Reframe: the source's left edge."),
        new("video.source_position.y_norm", FlagKind.Number, "Reframe: the source's top edge."),
        new("video.source_position.w_norm", FlagKind.Number, "Reframe: the source's width (at most 2)."),
        new("video.source_position.h_norm", FlagKind.Number, "Reframe: the source's height (at most 2)."),
        new("video.edit", FlagKind.Object, "Video edit options as a JSON/YAML object."),
        new("video.edit.auto_controls", FlagKind.Bool, "Let the model choose the edit controls."),
        new("video.edit.strength", FlagKind.Enum, "How far the edit may move from the source.", VideoEditStrength.KnownValues.Select(v => v.Value)),
        new("video.edit.controls", FlagKind.Object, "Advanced edit controls as a JSON/YAML object."),
        new("video.edit.controls.pose.enabled", FlagKind.Bool, "Pose control."),
        new("video.edit.controls.pose.strength", FlagKind.Enum, "Pose control strength.", PoseControlStrength.KnownValues.Select(v => v.Value)),
        new("video.edit.controls.depth.enabled", FlagKind.Bool, "Depth control."),
        new("video.edit.controls.depth.blur", FlagKind.Number, "Depth blur, 0–1."),
        new("video.edit.controls.normals.enabled", FlagKind.Bool, "Normals control."),
        new("video.edit.controls.normals.augmentation", FlagKind.Number, "Normals augmentation, 0–1."),
        new("video.edit.controls.trajectory.enabled", FlagKind.Bool, "Trajectory control."),
        new("video.edit.controls.trajectory.sparsity", FlagKind.Number, "Trajectory sparsity, 0–1."),
        new("video.edit.controls.face.enabled", FlagKind.Bool, "Face control."),
        new("video.edit.keyframes", FlagKind.ImageRefList, "An edit keyframe; repeat in order, with --video.edit.keyframe-indexes."),
        new("video.edit.keyframe_indexes", FlagKind.IntegerList, "Edit keyframe positions on the source video's frame grid."),
        new("layering", FlagKind.Object, "Layering options as a JSON/YAML object."),
        new("layering.resolution", FlagKind.Enum, "Layering resolution.", LayeringResolution.KnownValues.Select(v => v.Value)),
    ];

    /// <summary>
    /// The wire paths whose value is an image reference (or a list of them): strings there, from a body or an
    /// object flag, are read in the <see cref="ImageRefSyntax"/> too.
    /// </summary>
    public static IReadOnlyList<string[]> ImageRefPaths { get; } =
    [
        ["image_ref"], ["source"], ["video", "start_frame"], ["video", "end_frame"], ["video", "guide_frame"],
        ["video", "keyframes"], ["video", "edit", "keyframes"],
    ];
}
