namespace LumaAgents.Tests.Validation;

/// <summary>The documented hard rules of reference §2, each with a valid and an invalid case.</summary>
public sealed class RequestValidationTests
{
    private static readonly ImageRef Png = ImageRef.FromUrl("https://example.com/a.png");
    private static readonly ImageRef Mp4 = ImageRef.FromUrl("https://example.com/a.mp4", "video/mp4");

    public static TheoryData<string, GenerationRequest> ValidRequests => new()
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
        { "unknown model and type are the server's call", new GenerationRequest { Prompt = "x", Model = "uni-2", Type = "hologram", AspectRatio = "5:4", Video = new VideoOptions() } },
        { "user id of 256", GenerationRequest.Image("x") with { UserId = new string('u', 256) } },
    };

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void Valid_requests_have_no_problems(string name, GenerationRequest request)
    {
        Assert.True(request.Validate().Count == 0, $"{name}: {string.Join("; ", request.Validate())}");
    }

    public static TheoryData<string, GenerationRequest, string> InvalidRequests => new()
    {
        { "missing prompt", new GenerationRequest(), "prompt" },
        { "blank prompt", GenerationRequest.Image("   "), "prompt" },
        { "prompt too long", GenerationRequest.Image(new string('a', 6001)), "prompt" },
        { "layering prompt too long", new GenerationRequest { Type = GenerationType.Layering, Prompt = new string('a', 501) }, "prompt" },
        { "video type without ray", new GenerationRequest { Prompt = "x", Type = GenerationType.Video }, "model" },
        { "image type with ray", GenerationRequest.Image("x", model: GenerationModel.Ray32), "model" },
        { "21:9 image", GenerationRequest.Image("x", AspectRatio.Ratio21x9), "aspect_ratio" },
        { "3:1 video", GenerationRequest.NewVideo("x", aspectRatio: AspectRatio.Ratio3x1), "aspect_ratio" },
        { "2:1 reframe", GenerationRequest.VideoReframe("x", Mp4, AspectRatio.Ratio2x1), "aspect_ratio" },
        { "manga landscape", GenerationRequest.Image("x", AspectRatio.Ratio16x9) with { Style = ImageStyle.Manga }, "style" },
        { "output format on video", GenerationRequest.NewVideo("x") with { OutputFormat = OutputFormat.Png }, "output_format" },
        { "10 refs on image", GenerationRequest.Image("x") with { ImageRefs = Enumerable.Repeat(Png, 10).ToArray() }, "image_ref" },
        { "9 refs on image edit", GenerationRequest.ImageEdit("x", Png) with { ImageRefs = Enumerable.Repeat(Png, 9).ToArray() }, "image_ref" },
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

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Invalid_requests_name_the_offending_path(string name, GenerationRequest request, string path)
    {
        var errors = request.Validate();

        Assert.True(errors.Any(e => e.Path == path), $"{name}: expected a problem at '{path}', got: {string.Join("; ", errors)}");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData("https://e.com/clip.mp4", "video/mp4")]
    [InlineData("https://e.com/clip.MOV?sig=1", "video/quicktime")]
    [InlineData("https://e.com/clip.webm", "video/webm")]
    [InlineData("https://e.com/photo.png", null)]
    [InlineData("https://e.com/stream", null)]
    public void A_video_url_gets_its_media_type_from_the_extension(string url, string? expected)
    {
        Assert.Equal(expected, ImageRef.FromUrl(url).MediaType);
        Assert.Equal("video/x-custom", ImageRef.FromUrl(url, "video/x-custom").MediaType);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var request = new GenerationRequest
        {
            Type = GenerationType.Video,
            Model = GenerationModel.Uni1,
            UserId = new string('x', 300),
            Video = new VideoOptions { Loop = true, Duration = VideoDuration.Seconds10, ExrExport = true },
        };

        var paths = request.Validate().Select(e => e.Path).ToHashSet();

        Assert.Superset(new HashSet<string> { "prompt", "model", "user_id", "video", "video.loop", "video.exr_export" }, paths);
    }

    [Fact]
    public void A_url_with_a_query_is_not_echoed_into_the_message()
    {
        var request = GenerationRequest.Image("x") with { ImageRefs = [ImageRef.FromUrl("http://example.com/a.png?token=secret")] };

        var error = Assert.Single(request.Validate());

        Assert.DoesNotContain("secret", error.Message);
        Assert.Contains("http://example.com/a.png", error.Message);
    }

    [Fact]
    public void Inline_data_over_50_mb_is_refused_before_sending()
    {
        var request = GenerationRequest.Image("x") with { ImageRefs = [new ImageRef { Data = new string('A', 72_000_000), MediaType = "image/png" }] };

        Assert.Contains(request.Validate(), e => e.Path == "image_ref[0].data");
    }

    [Fact]
    public void Validation_exception_lists_every_problem_with_its_path()
    {
        var error = new LumaValidationException([new("prompt", "is required"), new("video.loop", "is only available for type video")]);

        Assert.IsAssignableFrom<LumaException>(error);
        Assert.DoesNotContain("(Parameter", error.Message);
        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("2 problems", error.Message);
        Assert.Contains("prompt: is required", error.Message);
        Assert.Contains("video.loop: is only available for type video", error.Message);
    }
}
