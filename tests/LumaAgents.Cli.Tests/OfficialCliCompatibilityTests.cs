using System.Text;
using LumaAgents.Cli.Tests.Support;

namespace LumaAgents.Cli.Tests;

/// <summary>
/// Scripts written for the official CLI (<c>luma-agents-cli</c> 0.4, ../shared/reference/luma-agents-api.md §7) run
/// unchanged: <c>--auth-token</c>, the inner flags (<c>--source.url</c>, <c>--image-ref.data</c>, …), YAML flow objects
/// as flag values, <c>--flag=value</c>, <c>@file://</c> (text) and <c>@data://</c> (base64) with <c>\@</c> as the escape,
/// <c>--format-error</c> and <c>--transform-error</c>, <c>-v</c>. The examples are the official CLI's own documented
/// ones (its README's usage line and its generated command examples), run through our parser with <c>--dry-run</c>.
/// </summary>
public sealed class OfficialCliCompatibilityTests
{
    private const string Uuid = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    private const string Ref = "{data: data, generation_id: " + Uuid + ", media_type: media_type, url: url}";
    private const string Prompt = "A glass of iced coffee on a marble countertop, morning light streaming through a window";

    [Fact]
    public async Task The_readme_usage_line()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("generations", "create", "--auth-token", "My Auth Token", "--prompt", Prompt, "--aspect-ratio", "16:9", "--model", "uni-1", "--dry-run");

        result.AssertExit(0);
        Wire.Contains($$"""{ "prompt": "{{Prompt}}", "aspect_ratio": "16:9", "model": "uni-1" }""", result.Json!);
    }

    [Fact]
    public async Task The_regular_flags_example_with_yaml_flow_objects_and_equals_values()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync(
            "--auth-token", "string", "generations", "create",
            "--prompt", Prompt,
            "--aspect-ratio", "3:1",
            "--image-ref", Ref,
            "--model", "uni-1",
            "--output-format", "png",
            "--source", Ref,
            "--style", "auto",
            "--type", "image",
            "--user-id", "user_id",
            "--video", "{duration: 5s, edit: {auto_controls: true, controls: {depth: {blur: 0, enabled: true}, face: {enabled: true}, normals: {augmentation: 0, enabled: true}, pose: {enabled: true, strength: precise}, trajectory: {enabled: true, sparsity: 0}}, keyframe_indexes: [0], keyframes: [" + Ref + "], strength: adhere_1}, end_frame: " + Ref + ", exr_export: true, hdr: true, loop: true, resolution: 540p, source_position: {h_norm: 1, w_norm: 1, x_norm: -2, y_norm: -2}, start_frame: " + Ref + "}",
            "--web-search=true",
            "--dry-run", "--no-validate");

        result.AssertExit(0);
        var body = result.Json!;
        var reference = $$"""{ "data": "data", "generation_id": "{{Uuid}}", "media_type": "media_type", "url": "url" }""";
        Wire.Contains($$"""{ "aspect_ratio": "3:1", "output_format": "png", "style": "auto", "type": "image", "user_id": "user_id", "web_search": true }""", body);
        Wire.Contains(reference, body["image_ref"]![0]!);
        Wire.Contains(reference, body["source"]!);
        Wire.Contains(reference, body["video"]!["start_frame"]!);
        Wire.Contains("""{ "duration": "5s", "resolution": "540p", "hdr": true, "exr_export": true, "loop": true, "source_position": { "x_norm": -2, "y_norm": -2, "w_norm": 1, "h_norm": 1 } }""", body["video"]!);
        Wire.Contains("""{ "strength": "adhere_1", "auto_controls": true, "keyframe_indexes": [0], "controls": { "pose": { "enabled": true, "strength": "precise" } } }""", body["video"]!["edit"]!);
    }

    [Fact]
    public async Task The_inner_flags_example()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync(
            "--auth-token", "string", "generations", "create",
            "--prompt", Prompt,
            "--aspect-ratio", "3:1",
            "--image-ref.data", "data",
            "--image-ref.generation-id", Uuid,
            "--image-ref.media-type", "media_type",
            "--image-ref.url", "url",
            "--model", "uni-1",
            "--output-format", "png",
            "--source.data", "data",
            "--source.generation-id", Uuid,
            "--source.media-type", "media_type",
            "--source.url", "url",
            "--style", "auto",
            "--type", "image",
            "--user-id", "user_id",
            "--video.duration", "5s",
            "--video.edit", "{auto_controls: true, keyframe_indexes: [0], keyframes: [" + Ref + "], strength: adhere_1}",
            "--video.end-frame", Ref,
            "--video.exr-export=true",
            "--video.hdr=true",
            "--video.loop=true",
            "--video.resolution", "540p",
            "--video.source-position", "{h_norm: 1, w_norm: 1, x_norm: -2, y_norm: -2}",
            "--video.start-frame", Ref,
            "--web-search=true",
            "--dry-run", "--no-validate");

        result.AssertExit(0);
        var body = result.Json!;
        var reference = $$"""{ "data": "data", "generation_id": "{{Uuid}}", "media_type": "media_type", "url": "url" }""";
        Assert.Single(body["image_ref"]!.AsArray());
        Wire.Contains(reference, body["image_ref"]![0]!);
        Wire.Contains(reference, body["source"]!);
        Wire.Contains("""{ "duration": "5s", "hdr": true, "exr_export": true, "loop": true, "resolution": "540p" }""", body["video"]!);
    }

    [Fact]
    public async Task Repeated_inner_flags_start_a_new_entry_when_the_member_is_already_set()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync(
            "generations", "create", "--prompt", "x",
            "--image-ref.url", "https://example.com/a.png",
            "--image-ref.url", "https://example.com/b.png",
            "--image-ref.generation-id", Uuid,
            "--dry-run", "--no-validate");

        result.AssertExit(0);
        var refs = result.Json!["image_ref"]!.AsArray();
        Assert.Equal(2, refs.Count);
        Assert.Equal("https://example.com/a.png", refs[0]!["url"]!.GetValue<string>());
        Wire.Contains($$"""{ "url": "https://example.com/b.png", "generation_id": "{{Uuid}}" }""", refs[1]!);
    }

    [Fact]
    public async Task The_piping_data_example()
    {
        await using var cli = CliHarness.Offline();
        var yaml = "prompt: >-\n  A glass of iced coffee on a marble countertop, morning light streaming through\n  a window\naspect_ratio: '3:1'\n"
            + "image_ref:\n  - data: data\n    generation_id: " + Uuid + "\n    media_type: media_type\n    url: url\nmodel: uni-1\noutput_format: png\n"
            + "style: auto\ntype: image\nuser_id: user_id\nvideo:\n  duration: 5s\n  resolution: 540p\nweb_search: true\n";

        var result = await cli.RunAsync(["--auth-token", "string", "generations", "create", "--dry-run", "--no-validate"], new CliRunOptions { Stdin = yaml });

        result.AssertExit(0);
        Wire.Contains($$"""{ "prompt": "{{Prompt}}", "aspect_ratio": "3:1", "web_search": true, "video": { "duration": "5s", "resolution": "540p" } }""", result.Json!);
    }

    [Fact]
    public async Task Get_with_the_generation_id_flag()
    {
        await using var cli = await CliHarness.StartAsync();
        var id = cli.Server.SeedGeneration();

        var result = await cli.RunAsync("--auth-token", cli.Server.ApiKey, "generations", "get", "--generation-id", id);

        result.AssertExit(0);
        Assert.Equal(id, result.Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explicit_text_and_base64_embedding_and_the_backslash_escape()
    {
        await using var cli = CliHarness.Offline();
        cli.WriteFile("prompt.txt", "a fox\n");
        cli.WriteFile("tag.txt", "user-7");

        var text = await cli.RunAsync("generations", "create", "--prompt", "@file://prompt.txt", "--user-id", "@data://tag.txt", "--dry-run");
        var escaped = await cli.RunAsync("generations", "create", "--prompt", "\\@abe", "--dry-run");
        var absolute = await cli.RunAsync("generations", "create", "--prompt", "@file://" + Path.Combine(cli.WorkingDirectory, "prompt.txt"), "--dry-run");

        text.AssertExit(0);
        Assert.Equal("a fox", text.Json!["prompt"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("user-7")), text.Json!["user_id"]!.GetValue<string>());
        Assert.Equal("@abe", escaped.AssertExit(0).Json!["prompt"]!.GetValue<string>());
        Assert.Equal("a fox", absolute.AssertExit(0).Json!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Data_prefix_sends_an_input_file_as_base64()
    {
        await using var cli = CliHarness.Offline();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];
        cli.WriteFile("abe.png", png);

        var result = await cli.RunAsync("generations", "create", "--prompt", "x", "--image-ref", "@data://abe.png", "--dry-run");

        result.AssertExit(0);
        Wire.Contains($$"""{ "data": "{{Convert.ToBase64String(png)}}", "media_type": "image/png" }""", result.Json!["image_ref"]![0]!);
    }

    [Fact]
    public async Task Short_version_flag()
    {
        await using var cli = CliHarness.Offline();

        var result = await cli.RunAsync("-v");

        result.AssertExit(0);
        Assert.StartsWith(LumaCli.Version, result.Stdout.Trim());
    }
}
