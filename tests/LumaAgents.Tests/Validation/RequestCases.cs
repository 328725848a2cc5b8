namespace LumaAgents.Tests.Validation;

/// <summary>
/// Every valid and invalid request of the validation tests, in one place: <see cref="RequestValidationTests"/> checks
/// the SDK's validator on them, <see cref="ValidatorAgreementTests"/> sends each to the simulator and checks that
/// the two agree.
/// </summary>
public static class RequestCases
{
    /// <summary>A file id the agreement test's simulator holds as ready (the simulator checks every referenced file).</summary>
    public const string ReadyFileId = "5f1e0c2a-9b7d-4c3e-8a61-2d4f6b8e0a13";

    private static readonly ImageRef Png = ImageRef.FromUrl("https://example.com/a.png");
    private static readonly ImageRef Mp4 = ImageRef.FromUrl("https://example.com/a.mp4", "video/mp4");

    /// <summary>Requests the documented rules allow, by name.</summary>
    public static TheoryData<string, GenerationRequest> Valid => new()
    {
        { "image", GenerationRequest.CreateImage("a cat", AspectRatio.Ratio3x1) },
        { "image max", GenerationRequest.CreateImage("a cat", AspectRatio.Ratio1x3, GenerationModel.Uni1Max) with { Style = ImageStyle.Manga } },
        { "image with 9 refs", GenerationRequest.CreateImage("a cat") with { ImageRefs = Enumerable.Repeat(Png, 9).ToArray() } },
        { "image edit with 8 refs", GenerationRequest.CreateImageEdit("edit", Png) with { ImageRefs = Enumerable.Repeat(Png, 8).ToArray() } },
        { "image edit ignores ratio", GenerationRequest.CreateImageEdit("edit", Png) with { AspectRatio = AspectRatio.Ratio21x9 } },
        { "inline data", GenerationRequest.CreateImage("a cat") with { ImageRefs = [ImageRef.FromBytes([1, 2], "image/png")] } },
        { "prompt of 6000 emoji", GenerationRequest.CreateImage(string.Concat(Enumerable.Repeat("😀", 6000))) },
        { "video", GenerationRequest.CreateVideo("waves", new VideoOptions { Loop = true, Resolution = VideoResolution.Resolution360p }, AspectRatio.Ratio21x9) },
        { "video hdr 1080p exr", GenerationRequest.CreateVideo("waves", new VideoOptions { Hdr = true, ExrExport = true, Resolution = VideoResolution.Resolution1080p }) },
        { "video hdr default resolution", GenerationRequest.CreateVideo("waves", new VideoOptions { Hdr = true }) },
        { "video frames", GenerationRequest.CreateVideo("waves", new VideoOptions { StartFrame = Png, EndFrame = ImageRef.FromGeneration("g-1") }) },
        { "video keyframes 10s", GenerationRequest.CreateVideo("waves", new VideoOptions { Duration = VideoDuration.Seconds10, Keyframes = [Png, Png], KeyframeIndexes = [0, 240] }) },
        { "video 64 keyframes", GenerationRequest.CreateVideo("waves", new VideoOptions { Keyframes = Enumerable.Repeat(Png, 64).ToArray(), KeyframeIndexes = Enumerable.Range(0, 64).ToArray() }) },
        { "video edit", GenerationRequest.CreateVideoEdit("clay", Mp4, new VideoEditOptions { AutoControls = true, Strength = VideoEditStrength.Adhere1 }) },
        { "video edit controls", GenerationRequest.CreateVideoEdit("clay", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Depth = new DepthControl { Blur = 1 }, Normals = new NormalsControl { Augmentation = 0 } }, Keyframes = [Png], KeyframeIndexes = [500] }) },
        { "reframe", GenerationRequest.CreateVideoReframe("more", Mp4, AspectRatio.Ratio4x3, new SourcePosition(-1.5, -0.2, 2.0, 0.01)) },
        { "layering without prompt", new GenerationRequest { Type = GenerationType.Layering, Source = Png, Layering = new LayeringOptions { Resolution = LayeringResolution.Resolution1k } } },
        { "layering with a portrait ratio", new GenerationRequest { Type = GenerationType.Layering, Source = Png, AspectRatio = AspectRatio.Ratio9x16 } },
        { "layering on uni-1 from a file", new GenerationRequest { Type = GenerationType.Layering, Model = GenerationModel.Uni1, Prompt = "split", Source = ImageRef.FromFileId(ReadyFileId) } },
        { "whitespace prompt is the model's to judge", GenerationRequest.CreateImage("   ") },
        { "manga with a portrait ratio", GenerationRequest.CreateImage("x", AspectRatio.Ratio9x16) with { Style = ImageStyle.Manga } },
        { "9 refs on video", GenerationRequest.CreateVideo("waves") with { ImageRefs = Enumerable.Repeat(Png, 9).ToArray() } },
        { "unknown model and type are the server's call", new GenerationRequest { Prompt = "x", Model = "uni-2", Type = "hologram", AspectRatio = "5:4", Video = new VideoOptions() } },
        { "user id of 256", GenerationRequest.CreateImage("x") with { UserId = new string('u', 256) } },
    };

    /// <summary>Requests the documented rules refuse, by name, with the JSON path of the problem.</summary>
    public static TheoryData<string, GenerationRequest, string> Invalid => new()
    {
        { "missing prompt", new GenerationRequest(), "prompt" },
        { "empty prompt", GenerationRequest.CreateImage(""), "prompt" },
        { "prompt too long", GenerationRequest.CreateImage(new string('a', 6001)), "prompt" },
        { "layering prompt too long", new GenerationRequest { Type = GenerationType.Layering, Prompt = new string('a', 501) }, "prompt" },
        { "video type without ray", new GenerationRequest { Prompt = "x", Type = GenerationType.Video }, "model" },
        { "image type with ray", GenerationRequest.CreateImage("x", model: GenerationModel.Ray32), "model" },
        { "21:9 image", GenerationRequest.CreateImage("x", AspectRatio.Ratio21x9), "aspect_ratio" },
        { "3:1 video", GenerationRequest.CreateVideo("x", aspectRatio: AspectRatio.Ratio3x1), "aspect_ratio" },
        { "2:1 reframe", GenerationRequest.CreateVideoReframe("x", Mp4, AspectRatio.Ratio2x1), "aspect_ratio" },
        { "manga landscape", GenerationRequest.CreateImage("x", AspectRatio.Ratio16x9) with { Style = ImageStyle.Manga }, "style" },
        { "manga without ratio", GenerationRequest.CreateImage("x") with { Style = ImageStyle.Manga }, "style" },
        { "21:9 layering", new GenerationRequest { Type = GenerationType.Layering, Source = Png, AspectRatio = AspectRatio.Ratio21x9 }, "aspect_ratio" },
        { "output format on video", GenerationRequest.CreateVideo("x") with { OutputFormat = OutputFormat.Png }, "output_format" },
        { "10 refs on image", GenerationRequest.CreateImage("x") with { ImageRefs = Enumerable.Repeat(Png, 10).ToArray() }, "image_ref" },
        { "9 refs on image edit", GenerationRequest.CreateImageEdit("x", Png) with { ImageRefs = Enumerable.Repeat(Png, 9).ToArray() }, "image_ref" },
        { "10 refs on video", GenerationRequest.CreateVideo("x") with { ImageRefs = Enumerable.Repeat(Png, 10).ToArray() }, "image_ref" },
        { "10 refs on layering", new GenerationRequest { Type = GenerationType.Layering, Source = Png, ImageRefs = Enumerable.Repeat(Png, 10).ToArray() }, "image_ref" },
        { "empty image ref", GenerationRequest.CreateImage("x") with { ImageRefs = [new ImageRef()] }, "image_ref[0]" },
        { "two sources in one ref", GenerationRequest.CreateImage("x") with { ImageRefs = [Png, Png with { FileId = "f" }] }, "image_ref[1]" },
        { "null ref entry", GenerationRequest.CreateImage("x") with { ImageRefs = [null!] }, "image_ref[0]" },
        { "http url", GenerationRequest.CreateImage("x") with { ImageRefs = [ImageRef.FromUrl("http://example.com/a.png")] }, "image_ref[0].url" },
        { "data without media type", GenerationRequest.CreateImage("x") with { ImageRefs = [new ImageRef { Data = "AQID" }] }, "image_ref[0].media_type" },
        { "image edit without source", new GenerationRequest { Prompt = "x", Type = GenerationType.ImageEdit }, "source" },
        { "video edit without source", new GenerationRequest { Prompt = "x", Type = GenerationType.VideoEdit, Model = GenerationModel.Ray32 }, "source" },
        { "reframe without source", new GenerationRequest { Prompt = "x", Type = GenerationType.VideoReframe, Model = GenerationModel.Ray32 }, "source" },
        { "image with source", GenerationRequest.CreateImage("x") with { Source = Png }, "source" },
        { "video url source without media type", GenerationRequest.CreateVideoEdit("x", ImageRef.FromUrl("https://e.com/stream?id=7")), "source.media_type" },
        { "user id too long", GenerationRequest.CreateImage("x") with { UserId = new string('u', 257) }, "user_id" },
        { "layering on image", GenerationRequest.CreateImage("x") with { Layering = new LayeringOptions() }, "layering" },
        { "layering on uni-1-max", new GenerationRequest { Type = GenerationType.Layering, Model = GenerationModel.Uni1Max, Source = Png }, "model" },
        { "layering on ray", new GenerationRequest { Type = GenerationType.Layering, Model = GenerationModel.Ray32, Source = Png }, "model" },
        { "layering without source", new GenerationRequest { Type = GenerationType.Layering, Prompt = "split" }, "source" },
        { "video options on uni-1", GenerationRequest.CreateImage("x") with { Video = new VideoOptions() }, "video" },
        { "loop on edit", GenerationRequest.CreateVideoEdit("x", Mp4) with { Video = new VideoOptions { Loop = true } }, "video.loop" },
        { "loop with 10s", GenerationRequest.CreateVideo("x", new VideoOptions { Loop = true, Duration = VideoDuration.Seconds10 }), "video.loop" },
        { "loop with hdr", GenerationRequest.CreateVideo("x", new VideoOptions { Loop = true, Hdr = true }), "video.loop" },
        { "loop with end frame", GenerationRequest.CreateVideo("x", new VideoOptions { Loop = true, EndFrame = Png }), "video.loop" },
        { "hdr at 540p", GenerationRequest.CreateVideo("x", new VideoOptions { Hdr = true, Resolution = VideoResolution.Resolution540p }), "video.hdr" },
        { "hdr on reframe", GenerationRequest.CreateVideoReframe("x", Mp4, AspectRatio.Ratio1x1) with { Video = new VideoOptions { Hdr = true } }, "video.hdr" },
        { "exr without hdr", GenerationRequest.CreateVideo("x", new VideoOptions { ExrExport = true }), "video.exr_export" },
        { "start frame with 10s", GenerationRequest.CreateVideo("x", new VideoOptions { StartFrame = Png, Duration = VideoDuration.Seconds10 }), "video.start_frame" },
        { "end frame with 10s", GenerationRequest.CreateVideo("x", new VideoOptions { EndFrame = Png, Duration = VideoDuration.Seconds10 }), "video.end_frame" },
        { "keyframes on reframe", GenerationRequest.CreateVideoReframe("x", Mp4, AspectRatio.Ratio1x1) with { Video = new VideoOptions { Keyframes = [Png], KeyframeIndexes = [0] } }, "video.keyframes" },
        { "keyframes with start frame", GenerationRequest.CreateVideo("x", new VideoOptions { StartFrame = Png, Keyframes = [Png], KeyframeIndexes = [0] }), "video.keyframes" },
        { "no keyframes", GenerationRequest.CreateVideo("x", new VideoOptions { Keyframes = [], KeyframeIndexes = [] }), "video.keyframes" },
        { "65 keyframes", GenerationRequest.CreateVideo("x", new VideoOptions { Keyframes = Enumerable.Repeat(Png, 65).ToArray(), KeyframeIndexes = Enumerable.Range(0, 65).ToArray() }), "video.keyframes" },
        { "keyframes without indexes", GenerationRequest.CreateVideo("x", new VideoOptions { Keyframes = [Png] }), "video.keyframe_indexes" },
        { "index count mismatch", GenerationRequest.CreateVideo("x", new VideoOptions { Keyframes = [Png, Png], KeyframeIndexes = [0] }), "video.keyframe_indexes" },
        { "duplicate index", GenerationRequest.CreateVideo("x", new VideoOptions { Keyframes = [Png, Png], KeyframeIndexes = [5, 5] }), "video.keyframe_indexes[1]" },
        { "negative index", GenerationRequest.CreateVideo("x", new VideoOptions { Keyframes = [Png], KeyframeIndexes = [-1] }), "video.keyframe_indexes[0]" },
        { "index past 5s grid", GenerationRequest.CreateVideo("x", new VideoOptions { Keyframes = [Png], KeyframeIndexes = [121] }), "video.keyframe_indexes[0]" },
        { "index past 10s grid", GenerationRequest.CreateVideo("x", new VideoOptions { Duration = VideoDuration.Seconds10, Keyframes = [Png], KeyframeIndexes = [241] }), "video.keyframe_indexes[0]" },
        { "source position on video", GenerationRequest.CreateVideo("x", new VideoOptions { SourcePosition = new SourcePosition(0, 0, 1, 1) }), "video.source_position" },
        { "width over 2", GenerationRequest.CreateVideoReframe("x", Mp4, AspectRatio.Ratio1x1, new SourcePosition(0, 0, 2.01, 1)), "video.source_position.w_norm" },
        { "zero height", GenerationRequest.CreateVideoReframe("x", Mp4, AspectRatio.Ratio1x1, new SourcePosition(0, 0, 1, 0)), "video.source_position.h_norm" },
        { "NaN offset", GenerationRequest.CreateVideoReframe("x", Mp4, AspectRatio.Ratio1x1, new SourcePosition(double.NaN, 0, 1, 1)), "video.source_position.x_norm" },
        { "edit on video", GenerationRequest.CreateVideo("x", new VideoOptions { Edit = new VideoEditOptions() }), "video.edit" },
        { "controls with auto", GenerationRequest.CreateVideoEdit("x", Mp4, new VideoEditOptions { AutoControls = true, Controls = new AdvancedControls() }), "video.edit.controls" },
        { "blur over 1", GenerationRequest.CreateVideoEdit("x", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Depth = new DepthControl { Blur = 1.5 } } }), "video.edit.controls.depth.blur" },
        { "negative augmentation", GenerationRequest.CreateVideoEdit("x", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Normals = new NormalsControl { Augmentation = -0.1 } } }), "video.edit.controls.normals.augmentation" },
        { "sparsity NaN", GenerationRequest.CreateVideoEdit("x", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Trajectory = new TrajectoryControl { Sparsity = double.NaN } } }), "video.edit.controls.trajectory.sparsity" },
        { "edit keyframes with start frame", GenerationRequest.CreateVideoEdit("x", Mp4, new VideoEditOptions { Keyframes = [Png], KeyframeIndexes = [0] }) with { Video = new VideoOptions { StartFrame = Png, Edit = new VideoEditOptions { Keyframes = [Png], KeyframeIndexes = [0] } } }, "video.edit.keyframes" },
        { "edit keyframe index repeated", GenerationRequest.CreateVideoEdit("x", Mp4, new VideoEditOptions { Keyframes = [Png, Png], KeyframeIndexes = [3, 3] }), "video.edit.keyframe_indexes[1]" },
    };
}
