using System.Text.Json.Nodes;
using LumaAgents.Mcp.Tests.Support;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Tests;

/// <summary>The real <c>luma-mcp --simulator</c> process, driven by the official C# MCP client over stdio.</summary>
public sealed class StdioSimulatorTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _fixture;

    public StdioSimulatorTests(SimulatorFixture fixture) => _fixture = fixture;

    private StdioServer Server => _fixture.Quick;

    [Fact]
    public void Tools_list_offers_the_generation_and_file_tools_with_input_and_output_schemas_and_hints()
    {
        Assert.Equal(
            ["create_generation", "delete_file", "download_outputs", "generate", "get_file", "get_generation", "list_files", "upload_file", "wait_for_generation"],
            Server.Tools.Select(t => t.Name).Order());
        foreach (var tool in Server.Tools)
        {
            var input = JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())!;
            Assert.Equal("object", input["type"]!.GetValue<string>());
            Assert.False(input["additionalProperties"]!.GetValue<bool>());
            var output = JsonNode.Parse(tool.ProtocolTool.OutputSchema!.Value.GetRawText())!;
            Assert.Equal("object", output["type"]!.GetValue<string>());
            Assert.NotNull(output["properties"]!["simulated"]);
            Assert.True(tool.ProtocolTool.Description!.Length > 200, tool.Name + " needs a precise description");
            Assert.NotNull(tool.ProtocolTool.Annotations);
            Assert.True(tool.ProtocolTool.Annotations!.OpenWorldHint);
            Assert.Equal(tool.Name == "delete_file", tool.ProtocolTool.Annotations.DestructiveHint);
        }

        foreach (var name in new[] { "get_generation", "wait_for_generation", "get_file", "list_files" })
        {
            Assert.True(Server.Tool(name).ProtocolTool.Annotations!.ReadOnlyHint);
            Assert.True(Server.Tool(name).ProtocolTool.Annotations!.IdempotentHint);
        }

        foreach (var name in new[] { "create_generation", "generate", "download_outputs", "upload_file" })
        {
            Assert.False(Server.Tool(name).ProtocolTool.Annotations!.ReadOnlyHint);
            Assert.False(Server.Tool(name).ProtocolTool.Annotations!.IdempotentHint);
        }

        Assert.False(Server.Tool("delete_file").ProtocolTool.Annotations!.ReadOnlyHint);
        Assert.True(Server.Tool("delete_file").ProtocolTool.Annotations!.IdempotentHint);

        Assert.Contains("BILLED", Server.Tool("create_generation").Description);
        Assert.Contains("BILLED", Server.Tool("generate").Description);
        Assert.Contains("timeout_seconds", Server.Tool("wait_for_generation").Description);
    }

    [Fact]
    public void Input_schemas_list_the_known_values_of_every_enum_the_SDK_has()
    {
        var properties = JsonNode.Parse(Server.Tool("create_generation").ProtocolTool.InputSchema.GetRawText())!["properties"]!;
        Assert.Equal(GenerationType.KnownValues.Select(v => v.Value), Enum(properties["type"]));
        Assert.Equal(GenerationModel.KnownValues.Select(v => v.Value), Enum(properties["model"]));
        Assert.Equal(AspectRatio.KnownValues.Select(v => v.Value), Enum(properties["aspect_ratio"]));
        Assert.Equal(ImageStyle.KnownValues.Select(v => v.Value), Enum(properties["style"]));
        Assert.Equal(OutputFormat.KnownValues.Select(v => v.Value), Enum(properties["output_format"]));
        Assert.Equal(VideoDuration.KnownValues.Select(v => v.Value), Enum(properties["video"]!["properties"]!["duration"]));
        Assert.Equal(VideoResolution.KnownValues.Select(v => v.Value), Enum(properties["video"]!["properties"]!["resolution"]));
        Assert.Equal(VideoEditStrength.KnownValues.Select(v => v.Value), Enum(properties["video"]!["properties"]!["edit"]!["properties"]!["strength"]));
        Assert.Equal(LayeringResolution.KnownValues.Select(v => v.Value), Enum(properties["layering"]!["properties"]!["resolution"]));
        foreach (var media in new[] { properties["source"], properties["image_ref"]!["items"], properties["video"]!["properties"]!["start_frame"] })
        {
            Assert.Equal(["url", "path", "generation_id", "file_id", "media_type"], media!["properties"]!.AsObject().Select(p => p.Key));
        }

        var upload = JsonNode.Parse(Server.Tool("upload_file").ProtocolTool.InputSchema.GetRawText())!["properties"]!;
        var list = JsonNode.Parse(Server.Tool("list_files").ProtocolTool.InputSchema.GetRawText())!["properties"]!;
        Assert.Equal(FilePurpose.KnownValues.Select(v => v.Value), Enum(upload["purpose"]));
        Assert.Equal(FilePurpose.KnownValues.Select(v => v.Value), Enum(list["purpose"]));
        Assert.Equal(FileState.KnownValues.Select(v => v.Value), Enum(list["state"]));
        Assert.Equal(FileLimits.MinListLimit, list["limit"]!["minimum"]!.GetValue<int>());
        Assert.Equal(FileLimits.MaxListLimit, list["limit"]!["maximum"]!.GetValue<int>());

        static IEnumerable<string> Enum(JsonNode? schema) => schema!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
    }

    [Fact]
    public async Task Create_generation_returns_the_id_the_state_and_how_to_wait_and_says_it_is_simulated()
    {
        var result = await Server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "a lighthouse at dawn"), ("aspect_ratio", "16:9")));

        var created = Results.Structured(result, Server.Tool("create_generation"));
        Assert.NotEqual(true, result.IsError);
        Assert.True(Guid.TryParse(created.Get("id"), out _));
        Assert.Equal("queued", created.Get("state"));
        Assert.True(created["running"]!.GetValue<bool>());
        Assert.Contains("wait_for_generation", created.Get("next_step"));
        Assert.Contains(created.Get("id"), created.Get("next_step"));
        Assert.True(created["simulated"]!.GetValue<bool>());
        Assert.Contains("--simulator", created.Get("notice"));
        Assert.False(created["billed"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(created.Get("request_id")));
    }

    [Fact]
    public async Task Create_generation_refuses_a_request_the_SDK_finds_invalid_naming_each_path()
    {
        var result = await Server.Client.CallToolAsync(
            "create_generation", Args.Of(("prompt", "a wave"), ("type", "video"), ("model", "uni-1"), ("video", new { loop = true, duration = "10s" })));

        var error = Results.Error(result);
        Assert.Equal("invalid_arguments", error.Get("kind"));
        var paths = error["validation_errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Contains("model", paths);
        Assert.Contains("video.loop", paths);
        Assert.Contains("nothing is billed", error.Get("what_to_do"));
        Assert.True(Results.Structured(result)["simulated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_arguments_are_refused_not_ignored()
    {
        var result = await Server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "a cat"), ("aspectRatio", "16:9")));

        var problem = Assert.Single(Results.Error(result)["validation_errors"]!.AsArray());
        Assert.Equal("aspectRatio", problem!["path"]!.GetValue<string>());
        Assert.Contains("aspect_ratio", problem["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Arguments_of_the_wrong_type_are_refused_with_their_path()
    {
        var result = await Server.Client.CallToolAsync(
            "create_generation", Args.Of(("prompt", "a cat"), ("web_search", "yes"), ("video", new { duration = 5 })));

        var errors = Results.Error(result)["validation_errors"]!.AsArray().ToDictionary(e => e!["path"]!.GetValue<string>(), e => e!["message"]!.GetValue<string>());
        Assert.Contains("boolean", errors["web_search"]);
        Assert.Contains("string", errors["video.duration"]);
    }

    [Fact]
    public async Task A_local_file_inside_an_allowed_folder_can_be_the_source()
    {
        _fixture.Allowed.WriteFile("inputs/photo.png", Args.Png);

        var result = await Server.Client.CallToolAsync(
            "create_generation", Args.Of(("prompt", "make it night"), ("type", "image_edit"), ("source", new { path = "inputs/photo.png" })));

        Assert.Equal("queued", Results.Structured(result, Server.Tool("create_generation")).Get("state"));
    }

    [Fact]
    public async Task A_large_local_source_is_uploaded_through_the_simulated_Files_API_and_the_result_says_so()
    {
        var bytes = new byte[FileLimits.AutoUploadAboveBytes + 1];
        Args.Png.CopyTo(bytes, 0);
        var name = "large-" + Guid.NewGuid().ToString("N") + ".png";
        _fixture.Allowed.WriteFile("inputs/" + name, bytes);

        var result = await Server.Client.CallToolAsync(
            "create_generation", Args.Of(("prompt", "make it night"), ("type", "image_edit"), ("source", new { path = "inputs/" + name })));

        var created = Results.Structured(result, Server.Tool("create_generation"));
        Assert.Equal("queued", created.Get("state"));
        var upload = Assert.Single(created["uploaded_inputs"]!.AsArray())!.AsObject();
        Assert.Equal("source", upload.Get("input"));
        Assert.Equal("ready", upload.Get("state"));
        Assert.True(created["simulated"]!.GetValue<bool>());
        var file = Results.Structured(await Server.Client.CallToolAsync("get_file", Args.Of(("file_id", upload.Get("file_id")))), Server.Tool("get_file"));
        Assert.Equal(bytes.Length, file["size_bytes"]!.GetValue<long>());
        Assert.Equal(name, file.Get("filename"));
    }

    [Fact]
    public async Task Paths_that_lead_outside_the_allowed_folders_are_refused()
    {
        var outsideFile = _fixture.Outside.Combine("secret.png");
        var link = _fixture.Allowed.Combine("link-" + Guid.NewGuid().ToString("N") + ".png");
        File.CreateSymbolicLink(link, outsideFile);
        var linkedFolder = _fixture.Allowed.Combine("linked-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(linkedFolder, _fixture.Outside.Path);
        var traversal = Path.GetRelativePath(_fixture.Allowed.Path, outsideFile);

        foreach (var path in new[] { outsideFile, traversal, link, Path.Combine(linkedFolder, "secret.png"), "/etc/passwd" })
        {
            var result = await Server.Client.CallToolAsync(
                "create_generation", Args.Of(("prompt", "edit"), ("type", "image_edit"), ("source", new { path })));

            var problem = Assert.Single(Results.Error(result)["validation_errors"]!.AsArray());
            Assert.Equal("source.path", problem!["path"]!.GetValue<string>());
            Assert.Contains("outside the folders luma-mcp may use", problem["message"]!.GetValue<string>());
            Assert.Contains(_fixture.Allowed.Path, problem["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Get_generation_of_an_unknown_id_is_an_error_with_the_status_detail_and_request_id()
    {
        var result = await Server.Client.CallToolAsync("get_generation", Args.Of(("generation_id", Guid.NewGuid().ToString())));

        var error = Results.Error(result);
        Assert.Equal("not_found", error.Get("kind"));
        Assert.Equal(404, error["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(error.Get("detail")));
        Assert.False(string.IsNullOrEmpty(error.Get("request_id")));
        Assert.Contains("generation_id", error.Get("what_to_do"));
    }

    [Fact]
    public async Task Get_generation_of_a_malformed_id_is_refused_before_sending()
    {
        var result = await Server.Client.CallToolAsync("get_generation", Args.Of(("generation_id", "../../etc")));

        Assert.Equal("invalid_arguments", Results.Kind(result));
    }

    [Fact]
    public async Task Wait_reports_every_state_change_as_progress_in_order_and_ends_completed()
    {
        var id = await CreateAsync("a red fox");
        await using var progress = new ProgressLog(Server.Client);
        progress.About(id);

        var result = await Server.Client.CallToolAsync("wait_for_generation", Args.Of(("generation_id", id), ("timeout_seconds", 60)), progress.Token);

        var waited = Results.Structured(result, Server.Tool("wait_for_generation"));
        Assert.Equal("completed", waited.Get("state"));
        Assert.False(waited["timed_out"]!.GetValue<bool>());
        Assert.False(waited["running"]!.GetValue<bool>());
        Assert.Contains("download_outputs", waited.Get("next_step"));
        Assert.Equal("image", Assert.Single(waited["outputs"]!.AsArray())!["type"]!.GetValue<string>());

        await progress.WaitForAsync("completed");
        var ordered = progress.Values;
        Assert.Equal(Enumerable.Range(1, ordered.Count).Select(n => (float)n), ordered.Select(v => v.Progress));
        Assert.Contains("completed", ordered[^1].Message);
        Assert.All(ordered, v => Assert.Contains(id, v.Message));
        var order = new[] { "queued", "processing", "completed" };
        var seen = ordered.Select(v => Array.FindIndex(order, s => v.Message!.Contains(" " + s + " ", StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, seen);
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public async Task Wait_without_a_progress_token_sends_no_progress_notifications()
    {
        var id = await CreateAsync("a blue heron");
        var notifications = 0;
        await using var handler = Server.Client.RegisterNotificationHandler(
            NotificationMethods.ProgressNotification, (_, _) => { Interlocked.Increment(ref notifications); return ValueTask.CompletedTask; });

        var result = await Server.Client.CallToolAsync("wait_for_generation", Args.Of(("generation_id", id)));

        Assert.Equal("completed", Results.Structured(result).Get("state"));
        Assert.Equal(0, Volatile.Read(ref notifications));
    }

    [Theory]
    [InlineData("content_moderated", false)]
    [InlineData("generation_failed", true)]
    public async Task A_failed_generation_is_an_error_result_with_its_failure_code_and_whether_a_retry_helps(string code, bool retryHelps)
    {
        var id = await CreateAsync($"a storm [fail:{code}]");

        var result = await Server.Client.CallToolAsync("wait_for_generation", Args.Of(("generation_id", id)));

        var error = Results.Error(result);
        Assert.Equal("generation_failed", error.Get("kind"));
        var structured = Results.Structured(result);
        Assert.Equal(id, structured.Get("generation_id"));
        var generation = structured["generation"]!;
        Assert.Equal("failed", generation["state"]!.GetValue<string>());
        Assert.Equal(code, generation["failure_code"]!.GetValue<string>());
        Assert.Equal(retryHelps, generation["retry_may_help"]!.GetValue<bool>());
        Assert.Equal(retryHelps, error.Get("what_to_do").Contains("may succeed", StringComparison.Ordinal));
        Assert.Equal(!retryHelps, error.Get("what_to_do").Contains("before submitting again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_generation_reports_a_completed_job_with_its_outputs()
    {
        var id = await CompletedAsync("a mountain lake");

        var result = await Server.Client.CallToolAsync("get_generation", Args.Of(("generation_id", id)));

        var generation = Results.Structured(result, Server.Tool("get_generation"));
        Assert.Equal("completed", generation.Get("state"));
        var output = Assert.Single(generation["outputs"]!.AsArray())!;
        Assert.Equal(0, output["index"]!.GetValue<int>());
        Assert.StartsWith("http://127.0.0.1:", output["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Download_outputs_saves_the_files_in_an_allowed_folder_and_returns_links_and_the_image()
    {
        var id = await CompletedAsync("a green field");

        var result = await Server.Client.CallToolAsync("download_outputs", Args.Of(("generation_id", id), ("directory", "downloads")));

        var saved = Results.Structured(result, Server.Tool("download_outputs"));
        Assert.Equal(_fixture.Allowed.Combine("downloads"), saved.Get("directory"));
        var file = Assert.Single(saved["files"]!.AsArray())!;
        var path = file["path"]!.GetValue<string>();
        Assert.Equal(Path.Combine(_fixture.Allowed.Combine("downloads"), id + "_0.png"), path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(bytes.Length, file["size_bytes"]!.GetValue<long>());
        Assert.Equal("image/png", file["media_type"]!.GetValue<string>());

        var link = Assert.Single(result.Content.OfType<ResourceLinkBlock>());
        Assert.Equal(new Uri(path).AbsoluteUri, link.Uri);
        Assert.Equal("image/png", link.MimeType);
        var image = Assert.Single(result.Content.OfType<ImageContentBlock>());
        Assert.Equal(bytes, image.DecodedData.ToArray());
    }

    [Fact]
    public async Task Download_outputs_never_overwrites_and_can_leave_images_out()
    {
        var id = await CompletedAsync("a quiet street");
        var arguments = Args.Of(("generation_id", id), ("directory", "again"), ("include_images", false));

        var first = Results.Structured(await Server.Client.CallToolAsync("download_outputs", arguments));
        var second = await Server.Client.CallToolAsync("download_outputs", arguments);

        var firstPath = first["files"]![0]!["path"]!.GetValue<string>();
        var secondPath = Results.Structured(second)["files"]![0]!["path"]!.GetValue<string>();
        Assert.NotEqual(firstPath, secondPath);
        Assert.EndsWith("-2.png", secondPath);
        Assert.True(File.Exists(firstPath));
        Assert.Empty(second.Content.OfType<ImageContentBlock>());
    }

    [Fact]
    public async Task Download_outputs_refuses_a_folder_outside_the_allowed_ones()
    {
        var id = await CompletedAsync("a dune");

        var result = await Server.Client.CallToolAsync("download_outputs", Args.Of(("generation_id", id), ("directory", _fixture.Outside.Path)));

        var problem = Assert.Single(Results.Error(result)["validation_errors"]!.AsArray());
        Assert.Equal("directory", problem!["path"]!.GetValue<string>());
        Assert.Equal(["secret.png"], Directory.GetFiles(_fixture.Outside.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Download_outputs_of_a_generation_still_running_says_to_wait_first()
    {
        var created = Results.Structured(await _fixture.Slow.Client.CallToolAsync("create_generation", Args.Of(("prompt", "a slow sunset"))));
        var id = created.Get("id");

        var result = await _fixture.Slow.Client.CallToolAsync("download_outputs", Args.Of(("generation_id", id)));

        var error = Results.Error(result);
        Assert.Equal("not_ready", error.Get("kind"));
        Assert.Contains("wait_for_generation", error.Get("what_to_do"));
        Assert.Equal(id, Results.Structured(result).Get("generation_id"));
    }

    [Fact]
    public async Task Generate_creates_waits_and_saves_in_one_call_with_progress()
    {
        await using var progress = new ProgressLog(Server.Client);

        var result = await Server.Client.CallToolAsync("generate", Args.Of(("prompt", "an orange kite"), ("directory", "generated")), progress.Token);

        var generated = Results.Structured(result, Server.Tool("generate"));
        progress.About(generated.Get("id"));
        Assert.Equal("completed", generated.Get("state"));
        var path = Assert.Single(generated["files"]!.AsArray())!["path"]!.GetValue<string>();
        Assert.True(File.Exists(path));
        Assert.StartsWith(_fixture.Allowed.Combine("generated"), path);
        Assert.Single(result.Content.OfType<ResourceLinkBlock>());
        await progress.WaitForAsync("Saved 1 file(s)");
        var ordered = progress.Messages;
        Assert.StartsWith("Created generation " + generated.Get("id"), ordered[0]);
        Assert.StartsWith($"Saved 1 file(s) of generation {generated.Get("id")} into {_fixture.Allowed.Combine("generated")}", ordered[^1]);
    }

    [Fact]
    public async Task Generate_refuses_an_output_folder_outside_the_allowed_ones()
    {
        var result = await Server.Client.CallToolAsync("generate", Args.Of(("prompt", "a boat"), ("directory", "/")));

        Assert.Equal("directory", Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!["path"]!.GetValue<string>());
    }

    [Fact]
    public void Standard_error_carries_the_logs_and_names_the_simulator()
    {
        Assert.Contains("--simulator", Server.StandardError);
        Assert.Contains("Allowed folders: " + _fixture.Allowed.Path, Server.StandardError);
    }

    private async Task<string> CreateAsync(string prompt)
        => Results.Structured(await Server.Client.CallToolAsync("create_generation", Args.Of(("prompt", prompt)))).Get("id");

    private async Task<string> CompletedAsync(string prompt)
    {
        var id = await CreateAsync(prompt);
        Assert.Equal("completed", Results.Structured(await Server.Client.CallToolAsync("wait_for_generation", Args.Of(("generation_id", id))), null).Get("state"));
        return id;
    }
}
