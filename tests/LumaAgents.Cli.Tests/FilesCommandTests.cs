using System.Text.Json.Nodes;
using LumaAgents.Cli.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests;

/// <summary><c>luma files …</c> and the automatic upload of large local inputs (<c>--upload</c>), against the simulator.</summary>
public sealed class FilesCommandTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] Fast = ["--initial-delay", "0", "--poll-interval", "0.5s"];

    private static Task<CliHarness> StartAsync() => CliHarness.StartAsync(o => o.FileReadyAfter = TimeSpan.Zero);

    private static byte[] PngOf(long size)
    {
        var bytes = new byte[size];
        Png.CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task Upload_of_a_small_file_goes_inline_waits_until_ready_and_prints_its_id()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("photo.png", PngOf(1000));

        var result = await cli.RunAsync("files", "upload", "photo.png", "--purpose", "reference", "--user-id", "u-1");

        result.AssertExit(0);
        var id = result.Json!["id"]!.GetValue<string>();
        Assert.Equal("ready", result.Json!["state"]!.GetValue<string>());
        Assert.Contains($"uploaded photo.png as file {id}", result.Stderr);
        var file = cli.Server.GetFile(id)!;
        Assert.Equal("inline", file.UploadMode);
        Assert.Equal("reference", file.Purpose);
        Assert.Equal("u-1", file.UserId);
        Assert.Equal(1000, file.ReceivedBytes);
        Assert.DoesNotContain("[#", result.Stderr);
    }

    [Fact]
    public async Task Upload_of_a_large_file_goes_presigned_without_the_key_to_storage()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("big.png", PngOf(FileLimits.DefaultInlineLimit + 1));

        var result = await cli.RunAsync("files", "upload", "big.png", "--no-wait");

        result.AssertExit(0);
        var id = result.Json!["id"]!.GetValue<string>();
        Assert.Equal("presigned", cli.Server.GetFile(id)!.UploadMode);
        var put = Assert.Single(cli.Server.Requests, r => r.RouteKind == RouteKind.Upload);
        Assert.False(put.HasAuthorization);
        Assert.Contains(cli.Server.Requests, r => r.RouteKind == RouteKind.CompleteFile);
        Assert.DoesNotContain(cli.Server.Requests, r => r.RouteKind == RouteKind.GetFile);
    }

    [Fact]
    public async Task Upload_shows_a_progress_bar_on_a_terminal()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("photo.png", PngOf(200_000));

        var result = await cli.RunAsync(["files", "upload", "photo.png"], new CliRunOptions { ErrorIsTerminal = true });

        result.AssertExit(0);
        Assert.Contains("100%", result.Stderr);
        Assert.Contains("uploaded photo.png as file", result.Stderr);
    }

    [Fact]
    public async Task Get_and_list_page_automatically_and_limit_prints_one_page_and_its_cursor()
    {
        await using var cli = await StartAsync();
        var ids = Enumerable.Range(0, 5).Select(i => cli.Server.SeedFile(createdAt: DateTimeOffset.UtcNow.AddMinutes(-i))).ToList();

        var got = await cli.RunAsync("files", "get", "--file-id", ids[2]);
        got.AssertExit(0);
        Assert.Equal(ids[2], got.Json!["id"]!.GetValue<string>());

        cli.Server.ClearRequests();
        var all = await cli.RunAsync("files", "list", "--state", "ready");
        all.AssertExit(0);
        Assert.Equal(ids, all.Json!["data"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));

        cli.Server.ClearRequests();
        var page = await cli.RunAsync("files", "list", "--limit", "2");
        page.AssertExit(0);
        Assert.Equal(ids[..2], page.Json!["data"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
        Assert.True(page.Json!["has_more"]!.GetValue<bool>());
        var cursor = page.Json!["next_cursor"]!.GetValue<string>();
        Assert.Contains($"luma files list --cursor {cursor} --limit 2", page.Stderr);
        Assert.Single(cli.Server.Requests);

        var next = await cli.RunAsync("files", "list", "--cursor", cursor, "--limit", "2", "--format", "jsonl");
        next.AssertExit(0);
        Assert.Equal(ids[2..4], next.JsonLines.Select(f => f!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Auto_paging_reads_every_page()
    {
        await using var cli = await StartAsync();
        var ids = Enumerable.Range(0, 30).Select(i => cli.Server.SeedFile(createdAt: DateTimeOffset.UtcNow.AddSeconds(-i))).ToList();

        var all = await cli.RunAsync("files", "list");

        all.AssertExit(0);
        Assert.Equal(ids, all.Json!["data"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
        Assert.True(cli.Server.Requests.Count(r => r.RouteKind == RouteKind.ListFiles) >= 2);
    }

    [Fact]
    public async Task Delete_then_get_shows_it_deleted_and_a_second_delete_is_not_found()
    {
        await using var cli = await StartAsync();
        var id = cli.Server.SeedFile();

        var deleted = await cli.RunAsync("files", "delete", id);
        deleted.AssertExit(0);
        Assert.True(deleted.Json!["deleted"]!.GetValue<bool>());

        var got = await cli.RunAsync("files", "get", id);
        got.AssertExit(0);
        Assert.Equal("deleted", got.Json!["state"]!.GetValue<string>());

        var again = await cli.RunAsync("files", "delete", id);
        again.AssertExit(ExitCodes.NotFound);
        Assert.StartsWith($"error: 404 Not Found: {FakeLumaServerDetails.FileNotFound}", again.Stderr);
        Assert.Contains("file ids are printed by `luma files upload`", again.Stderr);
    }

    [Fact]
    public async Task Create_then_put_then_complete()
    {
        await using var cli = await StartAsync();
        var bytes = PngOf(5000);

        var created = await cli.RunAsync("files", "create", "--mime-type", "image/png", "--size-bytes", "5000", "--filename", "a.png", "--purpose", "input");

        created.AssertExit(0);
        var id = created.Json!["id"]!.GetValue<string>();
        var upload = created.Json!["upload"]!;
        Assert.Equal("pending", created.Json!["state"]!.GetValue<string>());
        using (var http = new HttpClient())
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, upload["url"]!.GetValue<string>()) { Content = new ByteArrayContent(bytes) };
            foreach (var (name, value) in upload["headers"]?.AsObject() ?? [])
            {
                if (!put.Headers.TryAddWithoutValidation(name, value!.GetValue<string>()))
                {
                    put.Content.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
                }
            }

            (await http.SendAsync(put)).EnsureSuccessStatusCode();
        }

        var completed = await cli.RunAsync("files", "complete", id);

        completed.AssertExit(0);
        Assert.Equal(id, completed.Json!["id"]!.GetValue<string>());
        Assert.Equal(5000, cli.Server.GetFile(id)!.ReceivedBytes);
    }

    [Fact]
    public async Task Generate_uploads_a_large_local_input_and_references_it_by_file_id()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("big.png", PngOf(FileLimits.AutoUploadAboveBytes + 1));

        var result = await cli.RunAsync(["generate", "image", "the same fox", "--image-ref", "@big.png", .. Fast]);

        result.AssertExit(0);
        Assert.Equal("completed", result.Json!["state"]!.GetValue<string>());
        var file = Assert.Single(cli.Server.Files);
        Assert.Equal("reference", file.Purpose);
        Assert.Equal(FileLimits.AutoUploadAboveBytes + 1, file.ReceivedBytes);
        Assert.Contains($"uploaded @big.png as file {file.Id}", result.Stderr);
        var body = Wire.SingleCreateBody(cli.Server);
        Assert.Equal(file.Id, body["image_ref"]![0]!["file_id"]!.GetValue<string>());
        Assert.Null(body["image_ref"]![0]!["data"]);
    }

    [Fact]
    public async Task Upload_always_uploads_a_small_input_and_never_sends_a_large_one_nowhere()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("small.png", PngOf(100));
        cli.WriteFile("big.png", PngOf(FileLimits.AutoUploadAboveBytes + 1));

        var always = await cli.RunAsync(["generations", "create", "--type", "image_edit", "--prompt", "x", "--source", "@small.png", "--upload", "always"], new CliRunOptions { Stdin = null });
        always.AssertExit(0);
        var file = Assert.Single(cli.Server.Files);
        Assert.Equal("input", file.Purpose);
        Assert.Equal(file.Id, Wire.SingleCreateBody(cli.Server)["source"]!["file_id"]!.GetValue<string>());

        cli.Server.ClearRequests();
        var never = await cli.RunAsync("generate", "image", "x", "--image-ref", "@big.png", "--upload", "never");
        never.AssertExit(ExitCodes.Validation);
        Assert.Contains("--image-ref: @big.png is 4.0 MB, over the 4 MB a local input is sent inline", never.Stderr);
        Assert.Contains("--upload auto", never.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task A_typo_anywhere_on_the_line_uploads_nothing()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("big.png", PngOf(FileLimits.AutoUploadAboveBytes + 1));

        var typo = await cli.RunAsync("generate", "image", "x", "--image-ref", "@big.png", "--aspect-ration", "16:9");
        typo.AssertExit(ExitCodes.Validation);
        Assert.Contains("did you mean --aspect-ratio?", typo.Stderr);

        var invalid = await cli.RunAsync("generate", "image", "x", "--image-ref", "@big.png", "--style", "manga", "--aspect-ratio", "16:9");
        invalid.AssertExit(ExitCodes.Validation);

        var dryRun = await cli.RunAsync("generate", "image", "x", "--image-ref", "@big.png", "--dry-run");
        dryRun.AssertExit(0);
        Assert.Contains("would upload @big.png", dryRun.Stderr);

        var filesTypo = await cli.RunAsync("files", "upload", "big.png", "--purpse", "input");
        filesTypo.AssertExit(ExitCodes.Validation);
        Assert.Contains("unknown option '--purpse'", filesTypo.Stderr);
        Assert.Contains("did you mean --purpose?", filesTypo.Stderr);

        var listTypo = await cli.RunAsync("files", "list", "--limt", "2");
        listTypo.AssertExit(ExitCodes.Validation);
        Assert.Contains("did you mean --limit?", listTypo.Stderr);

        Assert.Empty(cli.Server.Requests);
        Assert.Empty(cli.Server.Files);
    }

    [Fact]
    public async Task Get_of_an_unknown_file_is_not_found_and_a_missing_id_is_a_usage_error()
    {
        await using var cli = await StartAsync();

        var missing = await cli.RunAsync("files", "get", "0f3c0000-0000-4000-8000-000000000000");
        missing.AssertExit(ExitCodes.NotFound);

        var noId = await cli.RunAsync("files", "get");
        noId.AssertExit(ExitCodes.Validation);
        Assert.Contains("a file id is required", noId.Stderr);
    }

    [Fact]
    public async Task An_error_after_the_upload_repeats_the_uploaded_file_id()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("big.png", PngOf(FileLimits.AutoUploadAboveBytes + 1));

        var result = await cli.RunAsync(["generate", "image", "x [fail:content_moderated]", "--image-ref", "@big.png", .. Fast]);

        result.AssertExit(ExitCodes.GenerationFailed);
        var id = Assert.Single(cli.Server.Files).Id;
        Assert.Contains($"hint: @big.png was uploaded as file {id}: pass file:{id} instead", result.Stderr);
    }

    [Fact]
    public async Task The_sdk_maps_every_image_ref_with_its_wire_location_in_request_order()
    {
        var request = new GenerationRequest
        {
            Prompt = "x",
            Source = ImageRef.FromFileId("s"),
            ImageRefs = [ImageRef.FromFileId("r0"), ImageRef.FromFileId("r1")],
            Video = new VideoOptions
            {
                StartFrame = ImageRef.FromFileId("a"),
                Keyframes = [ImageRef.FromFileId("k0")],
                Edit = new VideoEditOptions { Keyframes = [ImageRef.FromFileId("e0")] },
            },
        };
        var seen = new List<string>();

        var mapped = await request.MapImageRefsAsync((reference, location, _) =>
        {
            seen.Add(location);
            return Task.FromResult(reference with { FileId = reference.FileId + "!" });
        });

        Assert.Equal(["source", "image_ref[0]", "image_ref[1]", "video.start_frame", "video.keyframes[0]", "video.edit.keyframes[0]"], seen);
        Assert.Equal("r1!", mapped.ImageRefs![1].FileId);
        Assert.Equal("e0!", mapped.Video!.Edit!.Keyframes![0].FileId);
        Assert.Null(mapped.Video.EndFrame);
        Assert.Equal("s", request.Source!.FileId);
    }

    [Fact]
    public async Task Debug_of_an_inline_upload_shows_its_headers_but_not_its_bytes()
    {
        await using var cli = await StartAsync();
        var bytes = PngOf(3000);
        bytes[100] = (byte)'Q';
        cli.WriteFile("photo.png", bytes);

        var result = await cli.RunAsync("files", "upload", "photo.png", "--debug");

        result.AssertExit(0);
        Assert.Contains("> POST " + cli.Server.BaseUrl + "files", result.Stderr);
        Assert.Contains("bytes of multipart/form-data, not shown)", result.Stderr);
        Assert.Contains("> Content-Type: multipart/form-data", result.Stderr);
        Assert.DoesNotContain("PNG", result.Stderr);
        Assert.DoesNotContain(cli.Server.ApiKey, result.Stderr);
        Assert.Equal(3000, Assert.Single(cli.Server.Files).ReceivedBytes);
    }

    [Theory]
    [InlineData("luma fi", new[] { "files" })]
    [InlineData("luma files ", new[] { "upload", "create", "complete", "get", "list", "delete" })]
    [InlineData("luma files list --", new[] { "--cursor", "--limit", "--purpose", "--state" })]
    [InlineData("luma files upload x --purpose ", new[] { "input", "reference" })]
    [InlineData("luma generate image x --upload ", new[] { "auto", "always", "never" })]
    public async Task Completion_lists_the_files_commands_and_flags(string line, string[] expected)
    {
        await using var cli = await StartAsync();

        var result = await cli.RunAsync($"[suggest:{line.Length}]", line);

        result.AssertExit(0);
        var suggestions = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var value in expected)
        {
            Assert.Contains(value, suggestions);
        }
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_named_in_the_tools_words_and_nothing_is_sent()
    {
        await using var cli = await StartAsync();

        var result = await cli.RunAsync("files", "list", "--limit", "abc");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("--limit: 'abc' is not a whole number", result.Stderr);
        Assert.DoesNotContain("System.", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task A_file_whose_media_type_cannot_be_told_asks_for_mime_type_not_an_SDK_method()
    {
        await using var cli = await StartAsync();
        cli.WriteFile("notes", PngOf(100));

        var result = await cli.RunAsync("files", "upload", "notes");

        result.AssertExit(ExitCodes.Validation);
        Assert.Contains("--mime-type image/png", result.Stderr);
        Assert.DoesNotContain("UploadAsync", result.Stderr);
        Assert.Empty(cli.Server.Requests);
    }
}
