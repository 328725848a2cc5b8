namespace LumaAgents.Tests.Validation;

/// <summary>The documented hard rules of reference §2, each with a valid and an invalid case.</summary>
public sealed class RequestValidationTests
{
    public static TheoryData<string, GenerationRequest> ValidRequests => RequestCases.Valid;

    public static TheoryData<string, GenerationRequest, string> InvalidRequests => RequestCases.Invalid;

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void Valid_requests_have_no_problems(string name, GenerationRequest request)
    {
        Assert.True(request.Validate().Count == 0, $"{name}: {string.Join("; ", request.Validate())}");
    }

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
        var request = GenerationRequest.CreateImage("x") with { ImageRefs = [ImageRef.FromUrl("http://example.com/a.png?token=secret")] };

        var error = Assert.Single(request.Validate());

        Assert.DoesNotContain("secret", error.Message);
        Assert.Contains("http://example.com/a.png", error.Message);
    }

    [Fact]
    public void Inline_data_over_50_mb_is_refused_before_sending()
    {
        var request = GenerationRequest.CreateImage("x") with { ImageRefs = [new ImageRef { Data = new string('A', 72_000_000), MediaType = "image/png" }] };

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
