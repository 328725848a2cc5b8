using System.Text.Json.Nodes;
using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary><c>luma generations create</c>: every flag reaches the wire as the API spells it, and bodies combine with flags as documented.</summary>
public sealed class CreateCommandTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly string PngBase64 = Convert.ToBase64String(Png);

    [Fact]
    public async Task Image_flags_reach_the_wire()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("ref.png", Png);
        var previous = cli.Server.SeedGeneration();
        var file = cli.Server.SeedFile();

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "a fox", "--model", "uni-1-max", "--type", "image", "--aspect-ratio", "16:9",
            "--style", "auto", "--output-format", "jpeg", "--image-ref", "https://example.com/a.png", "--image-ref", "@ref.png",
            "--image-ref", "gen:" + previous, "--image-ref", "file:" + file, "--web-search", "--user-id", "customer-42");

        result.AssertExit(0);
        Wire.Contains(
            $$"""
            {
              "prompt": "a fox", "model": "uni-1-max", "type": "image", "aspect_ratio": "16:9", "style": "auto",
              "output_format": "jpeg", "web_search": true, "user_id": "customer-42",
              "image_ref": [
                { "url": "https://example.com/a.png" },
                { "data": "{{PngBase64}}", "media_type": "image/png" },
                { "generation_id": "{{previous}}" },
                { "file_id": "{{file}}" }
              ]
            }
            """,
            Wire.SingleCreateBody(cli.Server));
        Assert.Equal("queued", result.Json!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Image_edit_source_with_an_explicit_media_type()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("photo.bin", Png);

        var result = await cli.RunAsync("generations", "create", "--prompt", "make it night", "--type", "image_edit", "--source", "@photo.bin;type=image/png");

        result.AssertExit(0);
        Wire.Contains($$"""{ "type": "image_edit", "source": { "data": "{{PngBase64}}", "media_type": "image/png" } }""", Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Video_flags_reach_the_wire()
    {
        await using var cli = await CliHarness.StartAsync();
        var previous = cli.Server.SeedGeneration(type: "video");
        var guide = cli.Server.SeedFile();

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "waves", "--model", "ray-3.2", "--type", "video", "--aspect-ratio", "21:9",
            "--video.duration", "5s", "--video.resolution", "1080p", "--video.hdr", "--video.exr-export", "--video.loop", "false",
            "--video.start-frame", "gen:" + previous, "--video.end-frame", "https://example.com/end.png", "--video.guide-frame", "file:" + guide);

        result.AssertExit(0);
        Wire.Contains(
            $$"""
            {
              "model": "ray-3.2", "type": "video", "aspect_ratio": "21:9",
              "video": {
                "duration": "5s", "resolution": "1080p", "hdr": true, "exr_export": true, "loop": false,
                "start_frame": { "generation_id": "{{previous}}" },
                "end_frame": { "url": "https://example.com/end.png" },
                "guide_frame": { "file_id": "{{guide}}" }
              }
            }
            """,
            Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Keyframes_repeat_in_order_with_their_indexes()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("a.png", Png);
        cli.WriteFile("b.png", Png);

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "a walk", "--model", "ray-3.2", "--type", "video",
            "--video.keyframes", "@a.png", "--video.keyframes", "@b.png", "--video.keyframe-indexes", "0", "--video.keyframe-indexes", "60");

        result.AssertExit(0);
        Wire.Contains(
            $$"""
            { "video": { "keyframes": [ { "data": "{{PngBase64}}", "media_type": "image/png" }, { "data": "{{PngBase64}}", "media_type": "image/png" } ], "keyframe_indexes": [0, 60] } }
            """,
            Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Video_edit_flags_reach_the_wire()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("k.png", Png);

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "claymation", "--model", "ray-3.2", "--type", "video_edit",
            "--source", "https://example.com/clip.mp4", "--video.edit.strength", "flex_2", "--video.edit.auto-controls", "false",
            "--video.edit.controls.pose.enabled", "--video.edit.controls.pose.strength", "precise",
            "--video.edit.controls.depth.enabled", "--video.edit.controls.depth.blur", "0.3",
            "--video.edit.controls.normals.enabled", "--video.edit.controls.normals.augmentation", "0.2",
            "--video.edit.controls.trajectory.enabled", "--video.edit.controls.trajectory.sparsity", "0.4",
            "--video.edit.controls.face.enabled", "--video.edit.keyframes", "@k.png", "--video.edit.keyframe-indexes", "12");

        result.AssertExit(0);
        Wire.Contains(
            $$"""
            {
              "type": "video_edit",
              "source": { "url": "https://example.com/clip.mp4", "media_type": "video/mp4" },
              "video": { "edit": {
                "strength": "flex_2", "auto_controls": false,
                "controls": {
                  "pose": { "enabled": true, "strength": "precise" }, "depth": { "enabled": true, "blur": 0.3 },
                  "normals": { "enabled": true, "augmentation": 0.2 }, "trajectory": { "enabled": true, "sparsity": 0.4 },
                  "face": { "enabled": true }
                },
                "keyframes": [ { "data": "{{PngBase64}}", "media_type": "image/png" } ], "keyframe_indexes": [12]
              } }
            }
            """,
            Wire.SingleCreateBody(cli.Server));
    }

    [Theory]
    [InlineData("--video.source-position", "0,0.25,1,0.5")]
    [InlineData("--video.source-position", "{\"x_norm\": 0, \"y_norm\": 0.25, \"w_norm\": 1, \"h_norm\": 0.5}")]
    public async Task Reframe_source_position_reaches_the_wire(string flag, string value)
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "extend the beach", "--model", "ray-3.2", "--type", "video_reframe",
            "--source", "https://example.com/clip.mov", "--aspect-ratio", "9:16", flag, value);

        result.AssertExit(0);
        Wire.Contains(
            """
            { "source": { "url": "https://example.com/clip.mov", "media_type": "video/quicktime" }, "aspect_ratio": "9:16",
              "video": { "source_position": { "x_norm": 0, "y_norm": 0.25, "w_norm": 1, "h_norm": 0.5 } } }
            """,
            Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Source_position_members_have_flags_of_their_own()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "p", "--model", "ray-3.2", "--type", "video_reframe", "--source", "https://example.com/c.mp4",
            "--aspect-ratio", "1:1", "--video.source-position.x-norm", "-0.5", "--video.source-position.y-norm", "0",
            "--video.source-position.w-norm", "2", "--video.source-position.h-norm", "1.5");

        result.AssertExit(0);
        Wire.Contains("""{ "video": { "source_position": { "x_norm": -0.5, "y_norm": 0, "w_norm": 2, "h_norm": 1.5 } } }""", Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Layering_flags_reach_the_wire()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "create", "--type", "layering", "--prompt", "split it", "--source", "https://example.com/poster.png", "--layering.resolution", "2k");

        result.AssertExit(0);
        Wire.Contains("""{ "type": "layering", "layering": { "resolution": "2k" } }""", Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task A_body_on_stdin_is_overridden_by_flags()
    {
        await using var cli = await CliHarness.StartAsync();
        const string body = """{ "prompt": "from the body", "model": "ray-3.2", "type": "video", "aspect_ratio": "16:9", "video": { "duration": "5s", "resolution": "720p" } }""";

        var result = await cli.RunAsync(["generations", "create", "--video.resolution", "1080p", "--aspect-ratio", "9:16"], new CliRunOptions { Stdin = body });

        result.AssertExit(0);
        var wire = Wire.SingleCreateBody(cli.Server);
        Wire.Contains("""{ "prompt": "from the body", "aspect_ratio": "9:16", "video": { "duration": "5s", "resolution": "1080p" } }""", wire);
    }

    [Fact]
    public async Task A_yaml_body_file_combines_with_object_flags_and_leaf_flags_in_that_order()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("request.yaml", """
            prompt: from yaml
            model: ray-3.2
            type: video
            aspect_ratio: 16:9
            video:
              duration: 5s
              resolution: 540p
            """);

        var result = await cli.RunAsync(
            "generations", "create", "--body", "@request.yaml",
            "--video", "{\"resolution\": \"720p\", \"hdr\": true}", "--video.resolution", "1080p");

        result.AssertExit(0);
        var wire = Wire.SingleCreateBody(cli.Server);
        Wire.Contains("""{ "prompt": "from yaml", "aspect_ratio": "16:9", "video": { "duration": "5s", "hdr": true, "resolution": "1080p" } }""", wire);
    }

    [Fact]
    public async Task Body_strings_where_an_input_belongs_use_the_reference_syntax()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("photo.png", Png);
        var body = """{ "prompt": "edit", "type": "image_edit", "source": "@photo.png", "image_ref": ["https://example.com/r.png"] }""";

        var result = await cli.RunAsync(["generations", "create", "--body", "-"], new CliRunOptions { Stdin = body });

        result.AssertExit(0);
        Wire.Contains(
            $$"""{ "source": { "data": "{{PngBase64}}", "media_type": "image/png" }, "image_ref": [ { "url": "https://example.com/r.png" } ] }""",
            Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Prompt_from_a_text_file_is_inline_and_a_binary_file_is_base64()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.WriteFile("prompt.txt", "a lighthouse at dawn\n");
        cli.WriteFile("user.bin", [0xFF, 0x00, 0x10]);

        var result = await cli.RunAsync("generations", "create", "--prompt", "@prompt.txt", "--user-id", "@user.bin");

        result.AssertExit(0);
        Wire.Contains("""{ "prompt": "a lighthouse at dawn", "user_id": "/wAQ" }""", Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task A_double_at_sign_is_a_literal_at_sign()
    {
        await using var cli = await CliHarness.StartAsync();

        (await cli.RunAsync("generations", "create", "--prompt", "@@home in the style of a poster")).AssertExit(0);

        Wire.Contains("""{ "prompt": "@home in the style of a poster" }""", Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Field_sets_fields_the_sdk_does_not_know_and_flags_still_win()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "p", "--field", "future_option={\"a\":1}", "--field", "note=plain text", "--field", "prompt=overridden");

        result.AssertExit(0);
        Wire.Contains("""{ "prompt": "p", "future_option": { "a": 1 }, "note": "plain text" }""", Wire.SingleCreateBody(cli.Server));
    }

    [Fact]
    public async Task Invalid_requests_exit_2_with_every_problem_and_send_nothing()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "create", "--prompt", "p", "--model", "ray-3.2", "--type", "video", "--video.loop", "--video.duration", "10s");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("error: the request has", result.Stderr);
        Assert.Contains("video.loop:", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task No_validate_lets_the_server_decide_and_its_400_exits_2()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "create", "--prompt", "p", "--aspect-ratio", "4:3", "--no-validate");

        result.AssertExit(ExitCodes.Validation);
        Assert.StartsWith("error: 400 Bad Request: ", result.Stderr);
        Assert.Contains("(request id ", result.Stderr);
        Assert.Single(cli.Server.Requests);
    }

    [Fact]
    public async Task Dry_run_prints_the_request_and_sends_nothing()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync(["generations", "create", "--prompt", "p", "--aspect-ratio", "1:1", "--dry-run"], new CliRunOptions { Variables = new() });

        result.AssertExit(0);
        Wire.Contains("""{ "prompt": "p", "aspect_ratio": "1:1" }""", result.Json!);
        Assert.Empty(cli.Server.Requests);
    }

    [Theory]
    [InlineData("--video.loop", "maybe")]
    [InlineData("--video.edit.controls.depth.blur", "half")]
    [InlineData("--video.keyframe-indexes", "1,x")]
    [InlineData("--image-ref", "ftp://example.com/a.png")]
    [InlineData("--image-ref", "@missing.png")]
    [InlineData("--body", "[1, 2]")]
    [InlineData("--video", "{not json")]
    [InlineData("--field", "no-equals-sign")]
    public async Task Bad_flag_values_exit_2_without_a_stack_trace(string flag, string value)
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "create", "--prompt", "p", flag, value);

        result.AssertExit(ExitCodes.Validation);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task Wrong_json_types_in_a_body_name_the_field()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync(["generations", "create"], new CliRunOptions { Stdin = """{ "prompt": "p", "web_search": "yes" }""" });

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("web_search", result.Stderr);
    }

    [Fact]
    public async Task Create_with_wait_prints_the_final_generation()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "create", "--prompt", "p", "--wait", "--initial-delay", "0", "--poll-interval", "0.5s");

        result.AssertExit(0);
        Assert.Equal("completed", result.Json!["state"]!.GetValue<string>());
        Assert.Contains(": completed", result.Stderr);
    }

    [Fact]
    public async Task Unknown_enum_values_are_sent_as_given()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunAsync("generations", "create", "--prompt", "p", "--model", "uni-2", "--no-validate");

        Assert.Equal("uni-2", JsonNode.Parse(cli.Server.Requests.Single(r => r.RouteKind == RouteKind.Create).Body)!["model"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Validation, result.ExitCode);
    }
}
