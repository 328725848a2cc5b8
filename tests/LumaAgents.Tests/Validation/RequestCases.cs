namespace LumaAgents.Tests.Validation;

/// <summary>
/// Every valid and invalid request of the validation tests, in one place: <see cref="RequestValidationTests"/> checks
/// the SDK's validator on them, <see cref="ValidatorAgreementTests"/> sends each to the simulator and checks that
/// the two agree.
/// </summary>
public static class RequestCases
{
    private static readonly ImageRef Png = ImageRef.FromUrl("https://example.com/a.png");
    private static readonly ImageRef Mp4 = ImageRef.FromUrl("https://example.com/a.mp4", "video/mp4");

    /// <summary>Requests the documented rules allow, by name.</summary>
    public static TheoryData<string, GenerationRequest> Valid => new()
    {
        { "image", GenerationRequest.Image("a cat", AspectRatio.Ratio3x1) },
        { "image max", GenerationRequest.Image("a cat", AspectRatio.Ratio1x3, GenerationModel.Uni1Max) with { Style = ImageStyle.Manga } },
        { "image with 9 refs", GenerationRequest.Image("a cat") with { ImageRefs = Enumerable.Repeat(Png, 9).ToArray() } },
        { "image edit with 8 refs", GenerationRequest.ImageEdit("edit", Png) with { ImageRefs = Enumerable.Repeat(Png, 8).ToArray() } },
        { "image edit ignores ratio", GenerationRequest.ImageEdit("edit", Png) with { AspectRatio = AspectRatio.Ratio21x9 } },
        { "inline data", GenerationRequest.Image("a cat") with { ImageRefs = [ImageRef.FromBytes([1, 2], "image/png")] } },
        { "prompt of 6000 emoji", GenerationRequest.Image(string.Concat(Enumerable.Repeat("😀", 6000))) },
        { "video", GenerationRequest.NewVideo("waves", new VideoOptions { Loop = true, Resolution = VideoResolution.Resolution360p }, AspectRatio.Ratio21x9) },
        { "video hdr 1080p exr", GenerationRequest.NewVideo("waves", new VideoOptions { Hdr = true, ExrExport = true, Resolution = VideoResolution.Resolution1080p }) },
        { "video hdr default resolution", GenerationRequest.NewVideo("waves", new VideoOptions { Hdr = true }) },
        { "video frames", GenerationRequest.NewVideo("waves", new VideoOptions { StartFrame = Png, EndFrame = ImageRef.FromGeneration("g-1") }) },
        { "video keyframes 10s", GenerationRequest.NewVideo("waves", new VideoOptions { Duration = VideoDuration.Seconds10, Keyframes = [Png, Png], KeyframeIndexes = [0, 240] }) },
        { "video 64 keyframes", GenerationRequest.NewVideo("waves", new VideoOptions { Keyframes = Enumerable.Repeat(Png, 64).ToArray(), KeyframeIndexes = Enumerable.Range(0, 64).ToArray() }) },
        { "video edit", GenerationRequest.VideoEdit("clay", Mp4, new VideoEditOptions { AutoControls = true, Strength = VideoEditStrength.Adhere1 }) },
        { "video edit controls", GenerationRequest.VideoEdit("clay", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Depth = new DepthControl { Blur = 1 }, Normals = new NormalsControl { Augmentation = 0 } }, Keyframes = [Png], KeyframeIndexes = [500] }) },
        { "reframe", GenerationRequest.VideoReframe("more", Mp4, AspectRatio.Ratio4x3, new SourcePosition(-1.5, -0.2, 2.0, 0.01)) },
        { "layering without prompt", new GenerationRequest { Type = GenerationType.Layering, Source = Png, Layering = new LayeringOptions { Resolution = LayeringResolution.Resolution1k } } },
        { "layering with a portrait ratio", new GenerationRequest { Type = GenerationType.Layering, Source = Png, AspectRatio = AspectRatio.Ratio9x16 } },
        { "layering on uni-1 from a file", new GenerationRequest { Type = GenerationType.Layering, Model = GenerationModel.Uni1, Prompt = "split", Source = ImageRef.FromFileId("file_1") } },
        { "whitespace prompt is the model's to judge", GenerationRequest.Image("   ") },
        { "manga with a portrait ratio", GenerationRequest.Image("x", AspectRatio.Ratio9x16) with { Style = ImageStyle.Manga } },
        { "9 refs on video", GenerationRequest.NewVideo("waves") with { ImageRefs = Enumerable.Repeat(Png, 9).ToArray() } },
        { "unknown model and type are the server's call", new GenerationRequest { Prompt = "x", Model = "uni-2", Type = "hologram", AspectRatio = "5:4", Video = new VideoOptions() } },
        { "user id of 256", GenerationRequest.Image("x") with { UserId = new string('u', 256) } },
    };

    /// <summary>Requests the documented rules refuse, by name, with the JSON path of the problem.</summary>
    public static TheoryData<string, GenerationRequest, string> Invalid => new()
    {
        { "missing prompt", new GenerationRequest(), "prompt" },
        { "empty prompt", GenerationRequest.Image(""), "prompt" },
        { "prompt too long", GenerationRequest.Image(new string('a', 6001)), "prompt" },
        { "layering prompt too long", new GenerationRequest { Type = GenerationType.Layering, Prompt = new string('a', 501) }, "prompt" },
        { "video type without ray", new GenerationRequest { Prompt = "x", Type = GenerationType.Video }, "model" },
        { "image type with ray", GenerationRequest.Image("x", model: GenerationModel.Ray32), "model" },
        { "21:9 image", GenerationRequest.Image("x", AspectRatio.Ratio21x9), "aspect_ratio" },
        { "3:1 video", GenerationRequest.NewVideo("x", aspectRatio: AspectRatio.Ratio3x1), "aspect_ratio" },
        { "2:1 reframe", GenerationRequest.VideoReframe("x", Mp4, AspectRatio.Ratio2x1), "aspect_ratio" },
        { "manga landscape", GenerationRequest.Image("x", AspectRatio.Ratio16x9) with { Style = ImageStyle.Manga }, "style" },
        { "manga without ratio", GenerationRequest.Image("x") with { Style = ImageStyle.Manga }, "style" },
        { "21:9 layering", new GenerationRequest { Type = GenerationType.Layering, Source = Png, AspectRatio = AspectRatio.Ratio21x9 }, "aspect_ratio" },
        { "output format on video", GenerationRequest.NewVideo("x") with { OutputFormat = OutputFormat.Png }, "output_format" },
        { "10 refs on image", GenerationRequest.Image("x") with { ImageRefs = Enumerable.Repeat(Png, 10).ToArray() }, "image_ref" },
        { "9 refs on image edit", GenerationRequest.ImageEdit("x", Png) with { ImageRefs = Enumerable.Repeat(Png, 9).ToArray() }, "image_ref" },
        { "10 refs on video", GenerationRequest.NewVideo("x") with { ImageRefs = Enumerable.Repeat(Png, 10).ToArray() }, "image_ref" },
        { "10 refs on layering", new GenerationRequest { Type = GenerationType.Layering, Source = Png, ImageRefs = Enumerable.Repeat(Png, 10).ToArray() }, "image_ref" },
        { "empty image ref", GenerationRequest.Image("x") with { ImageRefs = [new ImageRef()] }, "image_ref[0]" },
        { "two sources in one ref", GenerationRequest.Image("x") with { ImageRefs = [Png, Png with { FileId = "f" }] }, "image_ref[1]" },
        { "null ref entry", GenerationRequest.Image("x") with { ImageRefs = [null!] }, "image_ref[0]" },
        { "http url", GenerationRequest.Image("x") with { ImageRefs = [ImageRef.FromUrl("http://example.com/a.png")] }, "image_ref[0].url" },
        { "data without media type", GenerationRequest.Image("x") with { ImageRefs = [new ImageRef { Data = "AQID" }] }, "image_ref[0].media_type" },
        { "image edit without source", new GenerationRequest { Prompt = "x", Type = GenerationType.ImageEdit }, "source" },
        { "video edit without source", new GenerationRequest { Prompt = "x", Type = GenerationType.VideoEdit, Model = GenerationModel.Ray32 }, "source" },
        { "reframe without source", new GenerationRequest { Prompt = "x", Type = GenerationType.VideoReframe, Model = GenerationModel.Ray32 }, "source" },
        { "image with source", GenerationRequest.Image("x") with { Source = Png }, "source" },
        { "video url source without media type", GenerationRequest.VideoEdit("x", ImageRef.FromUrl("https://e.com/stream?id=7")), "source.media_type" },
        { "user id too long", GenerationRequest.Image("x") with { UserId = new string('u', 257) }, "user_id" },
        { "layering on image", GenerationRequest.Image("x") with { Layering = new LayeringOptions() }, "layering" },
        { "layering on uni-1-max", new GenerationRequest { Type = GenerationType.Layering, Model = GenerationModel.Uni1Max, Source = Png }, "model" },
        { "layering on ray", new GenerationRequest { Type = GenerationType.Layering, Model = GenerationModel.Ray32, Source = Png }, "model" },
        { "layering without source", new GenerationRequest { Type = GenerationType.Layering, Prompt = "split" }, "source" },
        { "video options on uni-1", GenerationRequest.Image("x") with { Video = new VideoOptions() }, "video" },
        { "loop on edit", GenerationRequest.VideoEdit("x", Mp4) with { Video = new VideoOptions { Loop = true } }, "video.loop" },
        { "loop with 10s", GenerationRequest.NewVideo("x", new VideoOptions { Loop = true, Duration = VideoDuration.Seconds10 }), "video.loop" },
        { "loop with hdr", GenerationRequest.NewVideo("x", new VideoOptions { Loop = true, Hdr = true }), "video.loop" },
        { "loop with end frame", GenerationRequest.NewVideo("x", new VideoOptions { Loop = true, EndFrame = Png }), "video.loop" },
        { "hdr at 540p", GenerationRequest.NewVideo("x", new VideoOptions { Hdr = true, Resolution = VideoResolution.Resolution540p }), "video.hdr" },
        { "hdr on reframe", GenerationRequest.VideoReframe("x", Mp4, AspectRatio.Ratio1x1) with { Video = new VideoOptions { Hdr = true } }, "video.hdr" },
        { "exr without hdr", GenerationRequest.NewVideo("x", new VideoOptions { ExrExport = true }), "video.exr_export" },
        { "start frame with 10s", GenerationRequest.NewVideo("x", new VideoOptions { StartFrame = Png, Duration = VideoDuration.Seconds10 }), "video.start_frame" },
        { "end frame with 10s", GenerationRequest.NewVideo("x", new VideoOptions { EndFrame = Png, Duration = VideoDuration.Seconds10 }), "video.end_frame" },
        { "keyframes on reframe", GenerationRequest.VideoReframe("x", Mp4, AspectRatio.Ratio1x1) with { Video = new VideoOptions { Keyframes = [Png], KeyframeIndexes = [0] } }, "video.keyframes" },
        { "keyframes with start frame", GenerationRequest.NewVideo("x", new VideoOptions { StartFrame = Png, Keyframes = [Png], KeyframeIndexes = [0] }), "video.keyframes" },
        { "no keyframes", GenerationRequest.NewVideo("x", new VideoOptions { Keyframes = [], KeyframeIndexes = [] }), "video.keyframes" },
        { "65 keyframes", GenerationRequest.NewVideo("x", new VideoOptions { Keyframes = Enumerable.Repeat(Png, 65).ToArray(), KeyframeIndexes = Enumerable.Range(0, 65).ToArray() }), "video.keyframes" },
        { "keyframes without indexes", GenerationRequest.NewVideo("x", new VideoOptions { Keyframes = [Png] }), "video.keyframe_indexes" },
        { "index count mismatch", GenerationRequest.NewVideo("x", new VideoOptions { Keyframes = [Png, Png], KeyframeIndexes = [0] }), "video.keyframe_indexes" },
        { "duplicate index", GenerationRequest.NewVideo("x", new VideoOptions { Keyframes = [Png, Png], KeyframeIndexes = [5, 5] }), "video.keyframe_indexes[1]" },
        { "negative index", GenerationRequest.NewVideo("x", new VideoOptions { Keyframes = [Png], KeyframeIndexes = [-1] }), "video.keyframe_indexes[0]" },
        { "index past 5s grid", GenerationRequest.NewVideo("x", new VideoOptions { Keyframes = [Png], KeyframeIndexes = [121] }), "video.keyframe_indexes[0]" },
        { "index past 10s grid", GenerationRequest.NewVideo("x", new VideoOptions { Duration = VideoDuration.Seconds10, Keyframes = [Png], KeyframeIndexes = [241] }), "video.keyframe_indexes[0]" },
        { "source position on video", GenerationRequest.NewVideo("x", new VideoOptions { SourcePosition = new SourcePosition(0, 0, 1, 1) }), "video.source_position" },
        { "width over 2", GenerationRequest.VideoReframe("x", Mp4, AspectRatio.Ratio1x1, new SourcePosition(0, 0, 2.01, 1)), "video.source_position.w_norm" },
        { "zero height", GenerationRequest.VideoReframe("x", Mp4, AspectRatio.Ratio1x1, new SourcePosition(0, 0, 1, 0)), "video.source_position.h_norm" },
        { "NaN offset", GenerationRequest.VideoReframe("x", Mp4, AspectRatio.Ratio1x1, new SourcePosition(double.NaN, 0, 1, 1)), "video.source_position.x_norm" },
        { "edit on video", GenerationRequest.NewVideo("x", new VideoOptions { Edit = new VideoEditOptions() }), "video.edit" },
        { "controls with auto", GenerationRequest.VideoEdit("x", Mp4, new VideoEditOptions { AutoControls = true, Controls = new AdvancedControls() }), "video.edit.controls" },
        { "blur over 1", GenerationRequest.VideoEdit("x", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Depth = new DepthControl { Blur = 1.5 } } }), "video.edit.controls.depth.blur" },
        { "negative augmentation", GenerationRequest.VideoEdit("x", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Normals = new NormalsControl { Augmentation = -0.1 } } }), "video.edit.controls.normals.augmentation" },
        { "sparsity NaN", GenerationRequest.VideoEdit("x", Mp4, new VideoEditOptions { Controls = new AdvancedControls { Trajectory = new TrajectoryControl { Sparsity = double.NaN } } }), "video.edit.controls.trajectory.sparsity" },
        { "edit keyframes with start frame", GenerationRequest.VideoEdit("x", Mp4, new VideoEditOptions { Keyframes = [Png], KeyframeIndexes = [0] }) with { Video = new VideoOptions { StartFrame = Png, Edit = new VideoEditOptions { Keyframes = [Png], KeyframeIndexes = [0] } } }, "video.edit.keyframes" },
        { "edit keyframe index repeated", GenerationRequest.VideoEdit("x", Mp4, new VideoEditOptions { Keyframes = [Png, Png], KeyframeIndexes = [3, 3] }), "video.edit.keyframe_indexes[1]" },
    };
}
