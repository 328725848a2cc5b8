using System.Text.Json;
using LumaAgents.Serialization;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Models;

/// <summary>Every request shape of reference §2 serialises to the documented snake_case JSON, nulls omitted.</summary>
public sealed class RequestWireFormatTests
{
    [Fact]
    public void Minimal_image_request_sends_only_what_is_set()
    {
        var json = LumaJson.Serialize(new GenerationRequest { Prompt = "a lighthouse at dawn" });

        JsonAssert.Equivalent("""{"prompt":"a lighthouse at dawn"}""", json);
    }

    [Fact]
    public void Image_request_with_every_image_field()
    {
        var request = GenerationRequest.CreateImage("a cat in a hat", AspectRatio.Ratio16x9, GenerationModel.Uni1Max) with
        {
            Style = ImageStyle.Auto,
            OutputFormat = OutputFormat.Jpeg,
            WebSearch = true,
            UserId = "user-42",
            ImageRefs =
            [
                ImageRef.FromUrl("https://example.com/ref.png"),
                ImageRef.FromBytes([1, 2, 3], "image/png"),
                ImageRef.FromGeneration("0f0e0d0c-0000-4000-8000-000000000001"),
                ImageRef.FromFileId("file_123"),
            ],
        };

        JsonAssert.Equivalent(
            """
            {"prompt":"a cat in a hat","model":"uni-1-max","type":"image","aspect_ratio":"16:9","style":"auto",
             "output_format":"jpeg","web_search":true,"user_id":"user-42",
             "image_ref":[{"url":"https://example.com/ref.png"},{"data":"AQID","media_type":"image/png"},
                          {"generation_id":"0f0e0d0c-0000-4000-8000-000000000001"},{"file_id":"file_123"}]}
            """,
            LumaJson.Serialize(request));
    }

    [Fact]
    public void Image_edit_request()
    {
        var request = GenerationRequest.CreateImageEdit("make it night", ImageRef.FromUrl("https://example.com/day.jpg", "image/jpeg"));

        JsonAssert.Equivalent(
            """{"prompt":"make it night","type":"image_edit","source":{"url":"https://example.com/day.jpg","media_type":"image/jpeg"}}""",
            LumaJson.Serialize(request));
    }

    [Fact]
    public void Video_request_with_frames_loop_and_hdr()
    {
        var request = GenerationRequest.CreateVideo(
            "waves at sunset",
            new VideoOptions
            {
                Duration = VideoDuration.Seconds5,
                Resolution = VideoResolution.Resolution1080p,
                Hdr = true,
                ExrExport = true,
                StartFrame = ImageRef.FromGeneration("11111111-1111-4111-8111-111111111111"),
                EndFrame = ImageRef.FromUrl("https://example.com/end.png"),
                GuideFrame = ImageRef.FromFileId("file_guide"),
            },
            AspectRatio.Ratio21x9);

        JsonAssert.Equivalent(
            """
            {"prompt":"waves at sunset","model":"ray-3.2","type":"video","aspect_ratio":"21:9",
             "video":{"duration":"5s","resolution":"1080p","hdr":true,"exr_export":true,
                      "start_frame":{"generation_id":"11111111-1111-4111-8111-111111111111"},
                      "end_frame":{"url":"https://example.com/end.png"},
                      "guide_frame":{"file_id":"file_guide"}}}
            """,
            LumaJson.Serialize(request));
    }

    [Fact]
    public void Video_request_with_keyframes_and_360p()
    {
        var request = GenerationRequest.CreateVideo(
            "a flower opening",
            new VideoOptions
            {
                Duration = VideoDuration.Seconds10,
                Resolution = VideoResolution.Resolution360p,
                Loop = false,
                Keyframes = [ImageRef.FromUrl("https://example.com/k0.png"), ImageRef.FromUrl("https://example.com/k1.png")],
                KeyframeIndexes = [0, 240],
            });

        JsonAssert.Equivalent(
            """
            {"prompt":"a flower opening","model":"ray-3.2","type":"video",
             "video":{"duration":"10s","resolution":"360p","loop":false,
                      "keyframes":[{"url":"https://example.com/k0.png"},{"url":"https://example.com/k1.png"}],
                      "keyframe_indexes":[0,240]}}
            """,
            LumaJson.Serialize(request));
    }

    [Fact]
    public void Full_video_edit_request_with_every_control()
    {
        var request = GenerationRequest.CreateVideoEdit(
            "turn it into claymation",
            ImageRef.FromUrl("https://example.com/clip.mp4", "video/mp4"),
            new VideoEditOptions
            {
                Strength = VideoEditStrength.Flex2,
                AutoControls = false,
                Controls = new AdvancedControls
                {
                    Pose = new PoseControl { Enabled = true, Strength = PoseControlStrength.Precise },
                    Depth = new DepthControl { Enabled = true, Blur = 0.25 },
                    Normals = new NormalsControl { Enabled = false, Augmentation = 0.5 },
                    Trajectory = new TrajectoryControl { Enabled = true, Sparsity = 1 },
                    Face = new FaceControl { Enabled = true },
                },
                Keyframes = [ImageRef.FromUrl("https://example.com/style.png")],
                KeyframeIndexes = [12],
            }) with { UserId = "u1" };

        JsonAssert.Equivalent(
            """
            {"prompt":"turn it into claymation","model":"ray-3.2","type":"video_edit","user_id":"u1",
             "source":{"url":"https://example.com/clip.mp4","media_type":"video/mp4"},
             "video":{"edit":{"strength":"flex_2","auto_controls":false,
               "controls":{"pose":{"enabled":true,"strength":"precise"},"depth":{"enabled":true,"blur":0.25},
                           "normals":{"enabled":false,"augmentation":0.5},"trajectory":{"enabled":true,"sparsity":1},
                           "face":{"enabled":true}},
               "keyframes":[{"url":"https://example.com/style.png"}],"keyframe_indexes":[12]}}}
            """,
            LumaJson.Serialize(request));
    }

    [Fact]
    public void Video_reframe_request_with_source_position()
    {
        var request = GenerationRequest.CreateVideoReframe(
            "extend the beach",
            ImageRef.FromUrl("https://example.com/clip.mp4", "video/mp4"),
            AspectRatio.Ratio9x16,
            new SourcePosition(-0.25, 0.1, 1.5, 0.8));

        JsonAssert.Equivalent(
            """
            {"prompt":"extend the beach","model":"ray-3.2","type":"video_reframe","aspect_ratio":"9:16",
             "source":{"url":"https://example.com/clip.mp4","media_type":"video/mp4"},
             "video":{"source_position":{"x_norm":-0.25,"y_norm":0.1,"w_norm":1.5,"h_norm":0.8}}}
            """,
            LumaJson.Serialize(request));
    }

    [Fact]
    public void Layering_request_may_omit_the_prompt()
    {
        var request = new GenerationRequest
        {
            Type = GenerationType.Layering,
            Source = ImageRef.FromFileId("file_poster"),
            Layering = new LayeringOptions { Resolution = LayeringResolution.Resolution2k },
        };

        JsonAssert.Equivalent(
            """{"type":"layering","source":{"file_id":"file_poster"},"layering":{"resolution":"2k"}}""",
            LumaJson.Serialize(request));
    }

    [Fact]
    public void Additional_properties_are_sent_next_to_known_fields()
    {
        var request = new GenerationRequest
        {
            Prompt = "p",
            Model = "uni-2",
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["seed"] = JsonDocument.Parse("42").RootElement.Clone(),
                ["camera"] = JsonDocument.Parse("""{"motion":"orbit"}""").RootElement.Clone(),
            },
        };

        JsonAssert.Equivalent("""{"prompt":"p","model":"uni-2","seed":42,"camera":{"motion":"orbit"}}""", LumaJson.Serialize(request));
    }

    [Fact]
    public void A_request_read_from_json_serialises_back_to_the_same_json()
    {
        const string body = """
            {"prompt":"x","model":"ray-3.2","type":"video","video":{"duration":"5s","keyframes":[{"url":"https://e.com/a.png"}],
             "keyframe_indexes":[0],"future_option":true},"brand_new":[1,2]}
            """;

        var request = LumaJson.DeserializeRequest(body);

        Assert.Equal(VideoDuration.Seconds5, request.Video!.Duration);
        Assert.True(request.Video.AdditionalProperties!.ContainsKey("future_option"));
        JsonAssert.Equivalent(body, LumaJson.Serialize(request));
    }
}
