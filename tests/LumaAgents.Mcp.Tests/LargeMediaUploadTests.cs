using System.Text.Json.Nodes;
using LumaAgents.Mcp.Input;
using LumaAgents.Mcp.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Mcp.Tests;

/// <summary>
/// Local media inputs larger than <see cref="FileLimits.AutoUploadAboveBytes"/> in create_generation and generate:
/// uploaded through the Files API once the request is valid, sent as file_id, and listed in the result.
/// </summary>
public sealed class LargeMediaUploadTests
{
    private const string Large = "large.png";

    [Fact]
    public async Task A_local_input_over_the_threshold_is_uploaded_through_Files_and_sent_as_file_id()
    {
        // An inline cap below the file's size: the SDK's inline upload is refused (413) and the presigned PUT follows.
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider(), s => s.FileInlineMaxBytes = 1024 * 1024);
        var path = WriteLarge(server);
        await using var progress = new ProgressLog(server.Client);

        var result = await server.CallAsync("create_generation", Args.Of(("prompt", "make it night"), ("type", "image_edit"), ("source", new { path = Large })), progress.Token);

        var created = Results.Structured(result, server.Tool("create_generation"));
        var uploaded = Assert.Single(created["uploaded_inputs"]!.AsArray())!.AsObject();
        var fileId = uploaded.Get("file_id");
        Assert.Equal("source", uploaded.Get("input"));
        Assert.Equal(path, uploaded.Get("path"));
        Assert.Equal("ready", uploaded.Get("state"));
        Assert.Equal("image/png", uploaded.Get("mime_type"));
        Assert.Equal(FileLimits.AutoUploadAboveBytes + 1, uploaded["size_bytes"]!.GetValue<long>());
        Assert.Contains("uploaded through the Files API", created.Get("next_step"));

        var source = JsonNode.Parse(Assert.Single(server.Creates).Body)!["source"]!.AsObject();
        Assert.Equal(fileId, source.Get("file_id"));
        Assert.Null(source["data"]);
        Assert.Null(source["path"]);
        Assert.Null(source["media_type"]);

        var file = server.Simulator.GetFile(fileId)!;
        Assert.Equal("presigned", file.UploadMode);
        Assert.Equal("input", file.Purpose);
        Assert.Equal(FileLimits.AutoUploadAboveBytes + 1, file.ReceivedBytes);
        Assert.All(server.Simulator.Requests.Where(r => r.RouteKind == RouteKind.Upload), r => Assert.False(r.HasAuthorization));

        await progress.WaitForAsync("is ready");
        Assert.Contains(progress.Messages, m => m.StartsWith("Uploading source (large.png): ", StringComparison.Ordinal) && m.EndsWith("(100%)", StringComparison.Ordinal));
        Assert.Contains($"Uploaded source (large.png) as file {fileId} (pending)", progress.Messages);
    }

    [Fact]
    public async Task A_small_local_input_still_goes_inline_and_nothing_is_uploaded()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        server.Folder.WriteFile("small.png", Args.Png);

        var created = Results.Structured(
            await server.CallAsync("create_generation", Args.Of(("prompt", "make it night"), ("type", "image_edit"), ("source", new { path = "small.png" }))),
            server.Tool("create_generation"));

        Assert.Empty(created["uploaded_inputs"]!.AsArray());
        Assert.DoesNotContain("Files API", created.Get("next_step"));
        Assert.Equal(Convert.ToBase64String(Args.Png), JsonNode.Parse(Assert.Single(server.Creates).Body)!["source"]!["data"]!.GetValue<string>());
        Assert.DoesNotContain(server.Simulator.Requests, r => r.RouteKind == RouteKind.CreateFile);
    }

    [Fact]
    public async Task A_file_named_by_two_inputs_is_uploaded_once_and_both_get_its_id()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        WriteLarge(server);

        var created = Results.Structured(await server.CallAsync(
            "create_generation",
            Args.Of(("prompt", "the same, brighter"), ("type", "image_edit"), ("source", new { path = Large }), ("image_ref", new object[] { new { path = "./" + Large } }))));

        var uploads = created["uploaded_inputs"]!.AsArray().Select(u => u!.AsObject()).ToList();
        Assert.Equal(["source", "image_ref[0]"], uploads.Select(u => u.Get("input")));
        Assert.Single(uploads.Select(u => u.Get("file_id")).Distinct());
        Assert.Single(server.Simulator.Requests, r => r.RouteKind == RouteKind.CreateFile);
        var body = JsonNode.Parse(Assert.Single(server.Creates).Body)!;
        Assert.Equal(body["source"]!["file_id"]!.GetValue<string>(), body["image_ref"]![0]!["file_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_request_with_a_large_input_uploads_nothing()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        WriteLarge(server);

        var result = await server.CallAsync("create_generation", Args.Of(("prompt", "a new picture"), ("type", "image"), ("source", new { path = Large })));

        Assert.Equal("source", Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!.AsObject().Get("path"));
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task An_image_over_the_API_limit_is_refused_before_anything_is_read_or_sent()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        using (var stream = File.Create(server.Folder.Combine("huge.png")))
        {
            stream.SetLength(GenerationLimits.MaxImageBytes + 1);
        }

        var result = await server.CallAsync("create_generation", Args.Of(("prompt", "edit"), ("type", "image_edit"), ("source", new { path = "huge.png" })));

        var problem = Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!.AsObject();
        Assert.Equal("source.path", problem.Get("path"));
        Assert.Contains("at most 50 MB", problem.Get("message"));
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task A_large_input_that_fails_ingest_creates_nothing_and_the_error_lists_the_upload()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        WriteLarge(server, "large[fail].png");

        var result = await server.CallAsync("create_generation", Args.Of(("prompt", "edit"), ("type", "image_edit"), ("source", new { path = "large[fail].png" })));

        var error = Results.Error(result);
        Assert.Equal("file_failed", error.Get("kind"));
        Assert.Contains("No generation was created", error.Get("what_to_do"));
        var structured = Results.Structured(result);
        var upload = Assert.Single(structured["uploaded_inputs"]!.AsArray())!.AsObject();
        Assert.Equal("failed", upload.Get("state"));
        Assert.Equal(upload.Get("file_id"), structured.Get("file_id"));
        Assert.Empty(server.Creates);
    }

    [Fact]
    public async Task A_create_refused_after_the_upload_keeps_the_file_id_and_says_to_reuse_it()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        WriteLarge(server);
        server.Simulator.Faults.Add(FakeRoute.Create, FakeFault.Respond(402, "Insufficient balance"));

        var result = await server.CallAsync("create_generation", Args.Of(("prompt", "edit"), ("type", "image_edit"), ("source", new { path = Large })));

        var error = Results.Error(result);
        Assert.Equal("payment_required", error.Get("kind"));
        Assert.Contains("pass their file_id instead of the path", error.Get("what_to_do"));
        var upload = Assert.Single(Results.Structured(result)["uploaded_inputs"]!.AsArray())!.AsObject();
        Assert.Equal("ready", server.Simulator.GetFile(upload.Get("file_id"))!.State);
    }

    [Fact]
    public async Task A_placeholder_cannot_be_passed_as_a_file_id()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var result = await server.CallAsync("create_generation", Args.Of(("prompt", "edit"), ("type", "image_edit"), ("source", new { file_id = "luma-mcp-upload:source" })));

        Assert.Equal("source.file_id", Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!.AsObject().Get("path"));
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task Generate_uploads_a_large_input_then_creates_waits_and_saves()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        WriteLarge(server);

        var result = await server.CallAsync("generate", Args.Of(("prompt", "in this style"), ("image_ref", new object[] { new { path = Large } }), ("directory", "out")));

        var generated = Results.Structured(result, server.Tool("generate"));
        Assert.Equal("completed", generated.Get("state"));
        var upload = Assert.Single(generated["uploaded_inputs"]!.AsArray())!.AsObject();
        Assert.Equal("image_ref[0]", upload.Get("input"));
        Assert.Equal("reference", server.Simulator.GetFile(upload.Get("file_id"))!.Purpose);
        Assert.Equal(upload.Get("file_id"), JsonNode.Parse(Assert.Single(server.Creates).Body)!["image_ref"]![0]!["file_id"]!.GetValue<string>());
        Assert.True(File.Exists(Assert.Single(generated["files"]!.AsArray())!["path"]!.GetValue<string>()));
    }

    /// <summary>A PNG signature followed by filler, one byte over the threshold.</summary>
    private static string WriteLarge(InProcessServer server, string name = Large)
    {
        var bytes = new byte[FileLimits.AutoUploadAboveBytes + 1];
        Args.Png.CopyTo(bytes, 0);
        return server.Folder.WriteFile(name, bytes);
    }
}
