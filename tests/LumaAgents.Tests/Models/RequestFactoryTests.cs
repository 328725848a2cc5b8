using LumaAgents.Serialization;

namespace LumaAgents.Tests.Models;

/// <summary>One naming pattern for the request factories (issue 18), the first names kept working.</summary>
public sealed class RequestFactoryTests
{
    private static readonly ImageRef Png = ImageRef.FromUrl("https://example.com/a.png");
    private static readonly ImageRef Mp4 = ImageRef.FromUrl("https://example.com/a.mp4");

    public static TheoryData<string, GenerationRequest, GenerationRequest> FormerNames => new()
    {
        { "Image", GenerationRequest.Image("p", AspectRatio.Ratio1x1, GenerationModel.Uni1Max), GenerationRequest.CreateImage("p", AspectRatio.Ratio1x1, GenerationModel.Uni1Max) },
        { "ImageEdit", GenerationRequest.ImageEdit("p", Png), GenerationRequest.CreateImageEdit("p", Png) },
        { "NewVideo", GenerationRequest.NewVideo("p", new VideoOptions { Loop = true }, AspectRatio.Ratio16x9), GenerationRequest.CreateVideo("p", new VideoOptions { Loop = true }, AspectRatio.Ratio16x9) },
        { "VideoEdit", GenerationRequest.VideoEdit("p", Mp4, new VideoEditOptions { AutoControls = true }), GenerationRequest.CreateVideoEdit("p", Mp4, new VideoEditOptions { AutoControls = true }) },
        { "VideoReframe", GenerationRequest.VideoReframe("p", Mp4, AspectRatio.Ratio9x16), GenerationRequest.CreateVideoReframe("p", Mp4, AspectRatio.Ratio9x16) },
    };

    [Theory]
    [MemberData(nameof(FormerNames))]
    public void The_former_factory_names_build_the_same_request(string name, GenerationRequest former, GenerationRequest current)
        => Assert.True(LumaJson.Serialize(former) == LumaJson.Serialize(current), name);

    [Fact]
    public void The_former_names_are_hidden_but_not_obsolete()
    {
        // Not [Obsolete]: a warning would fail every build that treats warnings as errors, for a rename alone.
        foreach (var name in new[] { "Image", "ImageEdit", "NewVideo", "VideoEdit", "VideoReframe" })
        {
            var method = typeof(GenerationRequest).GetMethod(name)!;
            Assert.Null(method.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
            var browsable = Assert.IsType<System.ComponentModel.EditorBrowsableAttribute>(
                method.GetCustomAttributes(typeof(System.ComponentModel.EditorBrowsableAttribute), false).Single());
            Assert.Equal(System.ComponentModel.EditorBrowsableState.Never, browsable.State);
        }
    }

    [Fact]
    public void Layering_has_a_factory_for_its_uni_1_only_shape()
    {
        var request = GenerationRequest.CreateLayering(Png, "split the poster", LayeringResolution.Resolution2k);

        Assert.Empty(request.Validate());
        Assert.Equal(
            """{"prompt":"split the poster","model":"uni-1","type":"layering","source":{"url":"https://example.com/a.png"},"layering":{"resolution":"2k"}}""",
            LumaJson.Serialize(request));
        Assert.Equal("""{"model":"uni-1","type":"layering","source":{"url":"https://example.com/a.png"}}""", LumaJson.Serialize(GenerationRequest.CreateLayering(Png)));
    }

    [Fact]
    public void From_file_reads_the_file_when_called()
    {
        var path = Path.Combine(Path.GetTempPath(), $"luma-fromfile-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, [1, 2, 3]);
        ImageRef reference;
        try
        {
            reference = ImageRef.FromFile(path);
            File.WriteAllBytes(path, [9, 9, 9, 9]);
        }
        finally
        {
            File.Delete(path);
        }

        // The bytes as they were at the call: the later change and the deletion are not seen.
        Assert.Equal("AQID", reference.Data);
        Assert.Equal("image/png", reference.MediaType);
        Assert.Throws<FileNotFoundException>(() => ImageRef.FromFile(path));
    }
}
