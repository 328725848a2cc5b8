using System.Text.Json.Nodes;
using LumaAgents.Mcp.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Mcp.Tests;

/// <summary>
/// upload_file, list_files, get_file and delete_file, hosted in the test process against a simulator in virtual time:
/// successes checked against their output schemas, and every failure an actionable error result.
/// </summary>
public sealed class FileToolsTests
{
    [Fact]
    public async Task Upload_file_sends_a_file_from_an_allowed_folder_waits_until_ready_and_says_how_to_reference_it()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        var path = server.Folder.WriteFile("inputs/photo.png", Args.Png);

        var result = await server.CallAsync("upload_file", Args.Of(("path", "inputs/photo.png"), ("purpose", "reference"), ("user_id", "user-7")));

        var file = Results.Structured(result, server.Tool("upload_file"));
        var id = file.Get("id");
        Assert.Equal("ready", file.Get("state"));
        Assert.True(file["ready"]!.GetValue<bool>());
        Assert.Equal(id, file["reference"]!.AsObject().Get("file_id"));
        Assert.Equal("image/png", file.Get("mime_type"));
        Assert.Equal(Args.Png.Length, file["size_bytes"]!.GetValue<long>());
        Assert.Equal("reference", file.Get("purpose"));
        Assert.Equal("photo.png", file.Get("filename"));
        Assert.Equal("user-7", file.Get("user_id"));
        Assert.Equal(path, file.Get("path"));
        Assert.False(file["timed_out"]!.GetValue<bool>());
        Assert.Contains($"{{\"file_id\": \"{id}\"}}", file.Get("next_step"));

        var stored = server.Simulator.GetFile(id)!;
        Assert.Equal(Args.Png, stored.Content);
        Assert.Equal("inline", stored.UploadMode);
        Assert.Contains($"Uploaded file {id}", server.Logs);
    }

    [Fact]
    public async Task Upload_file_above_the_inline_cap_goes_through_the_presigned_URL_without_the_key()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider(), s => s.FileInlineMaxBytes = 64);
        var bytes = new byte[60_000];
        new Random(7).NextBytes(bytes);
        server.Folder.WriteFile("clip.mp4", bytes);

        var file = Results.Structured(await server.CallAsync("upload_file", Args.Of(("path", "clip.mp4"))), server.Tool("upload_file"));

        Assert.Equal("video/mp4", file.Get("mime_type"));
        Assert.Equal("ready", file.Get("state"));
        var stored = server.Simulator.GetFile(file.Get("id"))!;
        Assert.Equal(bytes, stored.Content);
        var put = Assert.Single(server.Simulator.Requests, r => r.RouteKind == RouteKind.Upload);
        Assert.False(put.HasAuthorization);
        Assert.Single(server.Simulator.Requests, r => r.RouteKind == RouteKind.CompleteFile);
    }

    [Fact]
    public async Task Upload_file_reports_the_bytes_sent_and_the_ready_state_as_progress()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        server.Folder.WriteFile("photo.png", Args.Png);
        await using var progress = new ProgressLog(server.Client);

        var id = Results.Structured(await server.CallAsync("upload_file", Args.Of(("path", "photo.png")), progress.Token)).Get("id");

        await progress.WaitForAsync("is ready");
        Assert.Equal(
            ["Uploading photo.png: 68 B of 68 B sent (100%)", $"Uploaded photo.png as file {id} (pending)", $"File {id} is ready (1 s)"],
            progress.Messages);
    }

    [Fact]
    public async Task Upload_file_of_a_missing_file_is_refused_naming_the_path_and_sends_nothing()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var result = await server.CallAsync("upload_file", Args.Of(("path", "nowhere.png")));

        var problem = Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!;
        Assert.Equal("path", problem.AsObject().Get("path"));
        Assert.Contains("does not exist", problem.AsObject().Get("message"));
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task Upload_file_refuses_paths_that_lead_outside_the_allowed_folders()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        using var outside = new TempFolder();
        var secret = outside.WriteFile("secret.png", Args.Png);
        var link = server.Folder.Combine("link.png");
        File.CreateSymbolicLink(link, secret);

        foreach (var path in new[] { secret, Path.GetRelativePath(server.Folder.Path, secret), "link.png", "/etc/passwd" })
        {
            var result = await server.CallAsync("upload_file", Args.Of(("path", path)));

            var problem = Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!.AsObject();
            Assert.Equal("path", problem.Get("path"));
            Assert.Contains("outside the folders luma-mcp may use", problem.Get("message"));
        }

        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task A_file_that_fails_ingest_is_an_error_with_the_file_its_reason_and_what_to_do()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        server.Folder.WriteFile("broken[fail].png", Args.Png);

        var result = await server.CallAsync("upload_file", Args.Of(("path", "broken[fail].png")));

        var error = Results.Error(result);
        Assert.Equal("file_failed", error.Get("kind"));
        Assert.Contains("will not help", error.Get("what_to_do"));
        Assert.DoesNotContain("whether it became ready", error.Get("what_to_do"));
        var structured = Results.Structured(result);
        var id = structured.Get("file_id");
        Assert.Equal("failed", server.Simulator.GetFile(id)!.State);
        Assert.Equal("failed", structured["file"]!.AsObject().Get("state"));
        Assert.Equal(FakeLumaServerDetails.FileIngestFailed, structured["file"]!.AsObject().Get("failure_reason"));
        Assert.Null(structured["file"]!["reference"]);
    }

    [Fact]
    public async Task Upload_file_without_waiting_returns_the_pending_file_and_get_file_sees_it_become_ready()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock);
        server.Folder.WriteFile("photo.png", Args.Png);

        var uploaded = Results.Structured(await server.CallAsync("upload_file", Args.Of(("path", "photo.png"), ("wait_until_ready", false))), server.Tool("upload_file"));

        Assert.Equal("pending", uploaded.Get("state"));
        Assert.False(uploaded["ready"]!.GetValue<bool>());
        Assert.Null(uploaded["reference"]);
        Assert.Contains("get_file", uploaded.Get("next_step"));
        Assert.Equal(0, uploaded["waited_seconds"]!.GetValue<double>());

        clock.Advance(TimeSpan.FromSeconds(1));
        var read = Results.Structured(await server.CallAsync("get_file", Args.Of(("file_id", uploaded.Get("id")))), server.Tool("get_file"));
        Assert.Equal("ready", read.Get("state"));
        Assert.Equal(uploaded.Get("id"), read["reference"]!.AsObject().Get("file_id"));
    }

    [Fact]
    public async Task Upload_file_whose_ingest_outlasts_timeout_seconds_returns_the_pending_file_and_is_not_an_error()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock, s => s.FileReadyAfter = TimeSpan.FromMinutes(10));
        server.Folder.WriteFile("photo.png", Args.Png);
        var started = clock.GetUtcNow();

        var result = await server.CallAsync("upload_file", Args.Of(("path", "photo.png"), ("timeout_seconds", 5)));

        Assert.NotEqual(true, result.IsError);
        var file = Results.Structured(result, server.Tool("upload_file"));
        Assert.True(file["timed_out"]!.GetValue<bool>());
        Assert.Equal("pending", file.Get("state"));
        Assert.Equal(5, file["waited_seconds"]!.GetValue<double>());
        Assert.Contains($"get_file with file_id \"{file.Get("id")}\"", file.Get("next_step"));
        Assert.Equal(TimeSpan.FromSeconds(5), clock.GetUtcNow() - started);
    }

    [Fact]
    public async Task Upload_file_sends_expires_at_and_refuses_one_without_a_time_zone()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        server.Folder.WriteFile("photo.png", Args.Png);

        var refused = await server.CallAsync("upload_file", Args.Of(("path", "photo.png"), ("expires_at", "2030-01-01T00:00:00")));
        Assert.Equal("expires_at", Assert.Single(Results.Error(refused)["validation_errors"]!.AsArray())!.AsObject().Get("path"));
        Assert.Empty(server.Simulator.Requests);

        var file = Results.Structured(await server.CallAsync("upload_file", Args.Of(("path", "photo.png"), ("expires_at", "2030-01-01T01:00:00+01:00"))));
        Assert.Equal(DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(file.Get("expires_at"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Upload_file_needs_mime_type_when_the_extension_does_not_tell_it()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        server.Folder.WriteFile("scan.raw", Args.Png);

        var refused = await server.CallAsync("upload_file", Args.Of(("path", "scan.raw")));
        var problem = Assert.Single(Results.Error(refused)["validation_errors"]!.AsArray())!.AsObject();
        Assert.Equal("mime_type", problem.Get("path"));
        Assert.Contains("pass mime_type", problem.Get("message"));
        Assert.Empty(server.Simulator.Requests);

        var file = Results.Structured(await server.CallAsync("upload_file", Args.Of(("path", "scan.raw"), ("mime_type", "image/png"))));
        Assert.Equal("image/png", file.Get("mime_type"));
    }

    [Fact]
    public async Task List_files_reads_one_page_per_call_and_next_cursor_leads_through_every_file_newest_first()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock);
        var seeded = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            seeded.Add(server.Simulator.SeedFile(fileName: $"f{i}.png"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = Results.Structured(await server.CallAsync("list_files", Args.Of(("limit", 2), ("cursor", cursor))), server.Tool("list_files"));
            pages++;
            Assert.True(page["files"]!.AsArray().Count <= 2);
            listed.AddRange(page["files"]!.AsArray().Select(f => f!.AsObject().Get("id")));
            cursor = page["next_cursor"]?.GetValue<string>();
            Assert.Equal(cursor is not null, page["has_more"]!.GetValue<bool>());
            Assert.Contains(cursor is null ? "last page" : $"cursor \"{cursor}\"", page.Get("next_step"));
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(seeded), listed);
        Assert.All(server.Simulator.Requests.Where(r => r.RouteKind == RouteKind.ListFiles), r => Assert.Contains("limit=2", r.Query));
    }

    [Fact]
    public async Task List_files_filters_by_state_and_purpose_and_refuses_a_limit_out_of_range()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        var wanted = server.Simulator.SeedFile(purpose: "reference");
        server.Simulator.SeedFile(purpose: "input");
        server.Simulator.SeedFile(state: "failed", purpose: "reference");

        var page = Results.Structured(await server.CallAsync("list_files", Args.Of(("state", "ready"), ("purpose", "reference"))), server.Tool("list_files"));
        Assert.Equal([wanted], page["files"]!.AsArray().Select(f => f!.AsObject().Get("id")));

        var refused = await server.CallAsync("list_files", Args.Of(("limit", 101)));
        Assert.Equal("limit", Assert.Single(Results.Error(refused)["validation_errors"]!.AsArray())!.AsObject().Get("path"));
    }

    [Fact]
    public async Task Get_file_of_an_unknown_id_is_not_found_with_the_status_detail_request_id_and_the_file_advice()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var error = Results.Error(await server.CallAsync("get_file", Args.Of(("file_id", Guid.NewGuid().ToString()))));

        Assert.Equal("not_found", error.Get("kind"));
        Assert.Equal(404, error["status"]!.GetValue<int>());
        Assert.Equal(FakeLumaServerDetails.FileNotFound, error.Get("detail"));
        Assert.False(string.IsNullOrEmpty(error.Get("request_id")));
        Assert.Contains("check file_id", error.Get("what_to_do"));
    }

    [Fact]
    public async Task Get_file_of_a_malformed_id_is_refused_before_sending()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        Assert.Equal("invalid_arguments", Results.Kind(await server.CallAsync("get_file", Args.Of(("file_id", "../generations")))));
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task A_deleted_file_reads_as_deleted_cannot_be_referenced_and_deleting_it_again_succeeds()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        var id = server.Simulator.SeedFile();

        var deleted = Results.Structured(await server.CallAsync("delete_file", Args.Of(("file_id", id))), server.Tool("delete_file"));
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.False(deleted["already_deleted"]!.GetValue<bool>());
        Assert.Contains($"Deleted file {id}", server.Logs);

        var read = Results.Structured(await server.CallAsync("get_file", Args.Of(("file_id", id))), server.Tool("get_file"));
        Assert.Equal("deleted", read.Get("state"));
        Assert.False(read["ready"]!.GetValue<bool>());
        Assert.Null(read["reference"]);
        Assert.NotNull(read["deleted_at"]);
        Assert.Contains("can no longer be referenced", read.Get("next_step"));

        var again = Results.Structured(await server.CallAsync("delete_file", Args.Of(("file_id", id))), server.Tool("delete_file"));
        Assert.True(again["already_deleted"]!.GetValue<bool>());

        var referenced = Results.Error(await server.CallAsync("create_generation", Args.Of(("prompt", "edit it"), ("type", "image_edit"), ("source", new { file_id = id }))));
        Assert.Equal("bad_request", referenced.Get("kind"));
        Assert.Equal(400, referenced["status"]!.GetValue<int>());
        Assert.Contains("source.file_id: " + FakeLumaServerDetails.ReferencedFileDeleted, referenced.Get("detail"));
        Assert.Empty(server.Simulator.Generations);
    }

    [Fact]
    public async Task Delete_file_of_an_id_the_account_never_had_is_not_found()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        var someoneElses = server.Simulator.SeedFile(apiKey: "luma-api-someone-else");

        var error = Results.Error(await server.CallAsync("delete_file", Args.Of(("file_id", someoneElses))));

        Assert.Equal("not_found", error.Get("kind"));
        Assert.Contains("check file_id", error.Get("what_to_do"));
        Assert.Equal("ready", server.Simulator.GetFile(someoneElses)!.State);
    }
}
