using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Serialization;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Files;

/// <summary>The files calls other than the upload itself: create, complete, get, delete, list, wait; and the models.</summary>
public sealed class FilesClientTests
{
    private const string FileId = "0b6e1f8a-5d6c-4c3e-9d2a-7f1e2d3c4b5a";

    private static readonly string ReadyFile = $$"""
        {"id":"{{FileId}}","created_at":"2026-04-08T12:00:00Z","mime_type":"image/png","purpose":"input","size_bytes":2048,
         "state":"ready","filename":"cat.png","user_id":"u1","expires_at":"2026-05-08T12:00:00Z"}
        """;

    [Fact]
    public async Task Create_posts_the_json_body_with_snake_case_names_and_returns_the_presigned_upload()
    {
        var handler = new StubHandler(HttpStatusCode.Created, $$$"""
            {"id":"{{{FileId}}}","state":"pending","file":{"id":"{{{FileId}}}","created_at":"2026-04-08T12:00:00Z","mime_type":"image/png",
             "purpose":"reference","size_bytes":2048,"state":"pending"},
             "upload":{"url":"https://storage.test/b/{{{FileId}}}?X-Amz-Signature=abc","method":"PUT","headers":{"Content-Type":"image/png"},
             "expires_at":"2026-04-08T13:00:00Z"}}
            """);
        using var client = TestClients.WithHandler(handler);

        var created = await client.Files.CreateAsync(new FileCreateRequest
        {
            MimeType = "image/png",
            SizeBytes = 2048,
            FileName = "cat.png",
            Purpose = FilePurpose.Reference,
            UserId = "u1",
            ExpiresAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero),
        });

        var call = Assert.Single(handler.Calls);
        Assert.Equal("POST https://api.test/v1/files", call.Method + " " + call.Uri);
        Assert.Equal("Bearer " + TestClients.ApiKey, call.Headers["Authorization"]);
        JsonAssert.Equivalent(
            """{"mime_type":"image/png","size_bytes":2048,"expires_at":"2026-05-01T00:00:00+00:00","filename":"cat.png","purpose":"reference","user_id":"u1"}""",
            call.Body!);
        Assert.Equal(FileId, created.Id);
        Assert.Equal(FileState.Pending, created.State);
        Assert.Equal(FilePurpose.Reference, created.File.Purpose);
        Assert.Equal("image/png", created.Upload!.Headers["Content-Type"]);
        Assert.Equal("PUT", created.Upload.Method);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 13, 0, 0, TimeSpan.Zero), created.Upload.ExpiresAt);
    }

    [Fact]
    public async Task Complete_posts_to_the_file_and_returns_it()
    {
        var handler = new StubHandler(HttpStatusCode.OK, ReadyFile);
        using var client = TestClients.WithHandler(handler);

        var response = await client.Files.CompleteWithResponseAsync(FileId);

        Assert.Equal($"POST https://api.test/v1/files/{FileId}/complete", handler.Calls[0].Method + " " + handler.Calls[0].Uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileState.Ready, response.Value.State);
    }

    [Fact]
    public async Task Get_reads_every_field_of_the_file_and_keeps_unknown_ones()
    {
        var handler = new StubHandler(HttpStatusCode.OK, $$"""
            {"id":"{{FileId}}","created_at":"2026-04-08T12:00:00Z","mime_type":"video/mp4","purpose":"style","size_bytes":6000000000,
             "state":"quarantined","deleted_at":"2026-04-09T00:00:00Z","expires_at":null,"failure_reason":"x","filename":"a.mp4","user_id":"u2","checksum":"abc"}
            """);
        using var client = TestClients.WithHandler(handler);

        var file = await client.Files.GetAsync(FileId);

        Assert.Equal($"GET https://api.test/v1/files/{FileId}", handler.Calls[0].Method + " " + handler.Calls[0].Uri);
        Assert.Equal(
            (FileId, "video/mp4", 6_000_000_000L, "a.mp4", "u2", "x"),
            (file.Id, file.MimeType, file.SizeBytes, file.FileName, file.UserId, file.FailureReason));
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), file.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 0, 0, 0, TimeSpan.Zero), file.DeletedAt);
        Assert.Null(file.ExpiresAt);
        Assert.False(file.State.IsKnown);
        Assert.Equal("quarantined", file.State.Value);
        Assert.False(file.Purpose.IsKnown);
        Assert.Equal("abc", file.AdditionalProperties!["checksum"].GetString());
    }

    [Fact]
    public async Task Delete_sends_accept_any_and_takes_a_204()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = TestClients.WithHandler(handler);

        await client.Files.DeleteAsync(FileId);

        var call = Assert.Single(handler.Calls);
        Assert.Equal($"DELETE https://api.test/v1/files/{FileId}", call.Method + " " + call.Uri);
        Assert.Equal("*/*", call.Headers["Accept"]);
    }

    [Fact]
    public async Task A_delete_retried_after_a_lost_answer_and_then_not_found_counts_as_done()
    {
        var handler = new StubHandler((_, attempt) => attempt == 1
            ? StubHandler.Json(HttpStatusCode.BadGateway, """{"detail":"upstream"}""")
            : StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"File not found"}"""));
        using var client = TestClients.WithHandler(handler, o => { o.Retry.MaxRetries = 2; o.Retry.BaseDelay = TimeSpan.Zero; });

        await client.Files.DeleteAsync(FileId);

        Assert.Equal(2, handler.Calls.Count);
    }

    [Fact]
    public async Task A_delete_of_an_unknown_file_on_the_first_attempt_is_not_found()
    {
        var handler = new StubHandler(HttpStatusCode.NotFound, """{"detail":"File not found"}""");
        using var client = TestClients.WithHandler(handler);

        var error = await Assert.ThrowsAsync<LumaNotFoundException>(() => client.Files.DeleteAsync(FileId));

        Assert.Equal("File not found", error.Detail);
        Assert.Contains("Check the file id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPage_sends_the_cursor_limit_and_filters_as_the_query()
    {
        var handler = new StubHandler(HttpStatusCode.OK, $$"""{"data":[{{ReadyFile}}],"has_more":true,"next_cursor":"c 2/="}""");
        using var client = TestClients.WithHandler(handler);

        var page = await client.Files.ListPageAsync(new FileListOptions { Cursor = "c1", Limit = 10, Purpose = FilePurpose.Input, State = FileState.Ready });

        Assert.Equal("https://api.test/v1/files?cursor=c1&limit=10&purpose=input&state=ready", handler.Calls[0].Uri.AbsoluteUri);
        Assert.True(page.HasMore);
        Assert.Equal("c 2/=", page.NextCursor);
        Assert.Equal(FileId, Assert.Single(page.Data).Id);
    }

    [Fact]
    public async Task ListAsync_walks_every_page_by_next_cursor_with_the_filters_and_page_size_kept()
    {
        var api = new ScriptedFilesApi();
        var ready = Enumerable.Range(0, 7).Select(i => api.Seed(createdAt: ManualStart.AddMinutes(i))).ToList();
        api.Seed(state: "failed", createdAt: ManualStart.AddMinutes(30));
        api.Seed(purpose: "reference", createdAt: ManualStart.AddMinutes(31));
        using var client = api.Client();

        var listed = new List<string>();
        await foreach (var file in client.Files.ListAsync(new FileListOptions { Limit = 3, State = FileState.Ready, Purpose = FilePurpose.Input }))
        {
            listed.Add(file.Id);
        }

        Assert.Equal(Enumerable.Reverse(ready), listed);
        var queries = api.Exchanges.Select(e => e.Uri.Query).ToList();
        Assert.Equal(3, queries.Count);
        Assert.All(queries, q => Assert.Contains("limit=3&purpose=input&state=ready", q, StringComparison.Ordinal));
        Assert.DoesNotContain("cursor", queries[0], StringComparison.Ordinal);
        Assert.Contains("cursor=" + ready[4], queries[1], StringComparison.Ordinal);
        Assert.Contains("cursor=" + ready[1], queries[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_fetches_no_more_pages_than_the_caller_enumerates()
    {
        var api = new ScriptedFilesApi();
        for (var i = 0; i < 10; i++)
        {
            api.Seed(createdAt: ManualStart.AddMinutes(i));
        }

        using var client = api.Client();

        var first = new List<LumaFile>();
        await foreach (var file in client.Files.ListAsync(new FileListOptions { Limit = 2 }))
        {
            first.Add(file);
            if (first.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(2, api.Exchanges.Count);
    }

    [Fact]
    public async Task ListAsync_stops_with_a_typed_error_when_the_server_repeats_a_cursor()
    {
        var handler = new StubHandler(HttpStatusCode.OK, $$"""{"data":[{{ReadyFile}}],"has_more":true,"next_cursor":"same"}""");
        using var client = TestClients.WithHandler(handler);

        var error = await Assert.ThrowsAsync<LumaException>(async () =>
        {
            await foreach (var file in client.Files.ListAsync())
            {
                Assert.Equal(FileId, file.Id);
            }
        });

        Assert.Contains("already given", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Calls.Count);
    }

    [Fact]
    public async Task WaitUntilReady_polls_until_ready_in_virtual_time()
    {
        var api = new ScriptedFilesApi { PendingReads = 3 };
        var id = api.Seed(state: "pending");
        using var client = api.Client();

        var file = await api.RunAsync(client.Files.WaitUntilReadyAsync(id, new FileWaitOptions { PollInterval = TimeSpan.FromSeconds(2) }));

        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal(4, api.Exchanges.Count);
        Assert.Equal(TimeSpan.FromSeconds(6), api.Time.GetUtcNow() - ManualStart);
    }

    [Fact]
    public async Task WaitUntilReady_ends_at_its_deadline_with_a_typed_timeout_naming_the_file()
    {
        var api = new ScriptedFilesApi { PendingReads = int.MaxValue };
        var id = api.Seed(state: "pending");
        using var client = api.Client();

        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => api.RunAsync(client.Files.WaitUntilReadyAsync(id)));

        Assert.Equal(FileWaitOptions.DefaultTimeout, error.Timeout);
        Assert.Contains($"File {id} was still pending after waiting 120 s", error.Message, StringComparison.Ordinal);
        Assert.True(api.Time.GetUtcNow() - ManualStart <= FileWaitOptions.DefaultTimeout + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task WaitUntilReady_on_a_deleted_file_raises_FileFailedException()
    {
        var api = new ScriptedFilesApi();
        var id = api.Seed(state: "deleted");
        using var client = api.Client();

        var error = await Assert.ThrowsAsync<FileFailedException>(() => client.Files.WaitUntilReadyAsync(id));

        Assert.Contains("was deleted", error.Message, StringComparison.Ordinal);
        Assert.Equal(id, error.FileId);
    }

    [Fact]
    public async Task Disposing_the_client_ends_a_wait()
    {
        var api = new ScriptedFilesApi { PendingReads = int.MaxValue };
        var id = api.Seed(state: "pending");
        var client = api.Client();
        var wait = client.Files.WaitUntilReadyAsync(id, new FileWaitOptions { Timeout = Timeout.InfiniteTimeSpan });
        await api.Time.WaitForTimersAsync();

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => wait);
    }

    [Fact]
    public async Task Transient_poll_failures_do_not_end_the_wait()
    {
        var api = new ScriptedFilesApi { PendingReads = 0 };
        var id = api.Seed(state: "pending");
        var gets = 0;
        api.Fault = (e, _) => Task.FromResult(e.Method == HttpMethod.Get && ++gets <= 2
            ? ScriptedFilesApi.Json(HttpStatusCode.ServiceUnavailable, new JsonObject { ["detail"] = "busy" })
            : null);
        using var client = api.Client();

        var file = await api.RunAsync(client.Files.WaitUntilReadyAsync(id));

        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal(3, gets);
    }

    [Fact]
    public void FromUploadedFile_references_the_file_by_id_and_refuses_one_that_can_never_be_used()
    {
        var file = new LumaFile { Id = FileId, State = FileState.Ready };

        Assert.Equal(ImageRef.FromFileId(FileId), ImageRef.FromUploadedFile(file));
        var failed = Assert.Throws<LumaValidationException>(() => ImageRef.FromUploadedFile(file with { State = FileState.Failed, FailureReason = "nsfw" }));
        var deleted = Assert.Throws<LumaValidationException>(() => ImageRef.FromUploadedFile(file with { State = FileState.Deleted }));
        Assert.Equal("file_id", failed.Errors.Single().Path);
        Assert.Contains("failed ingest (nsfw)", failed.Message, StringComparison.Ordinal);
        Assert.Contains("was deleted", deleted.Message, StringComparison.Ordinal);
        Assert.Equal(FileId, ImageRef.FromUploadedFile(file with { State = FileState.Pending }).FileId);
    }

    [Fact]
    public void A_presigned_upload_never_shows_its_signature()
    {
        var upload = JsonSerializer.Deserialize("""
            {"id":"f","state":"pending","file":{"id":"f","mime_type":"image/png","purpose":"input","size_bytes":1,"state":"pending"},
             "upload":{"url":"https://storage.test/b/f?X-Amz-Signature=topsecret","method":"PUT","headers":{"x-amz-acl":"private"},"expires_at":"2026-04-08T13:00:00Z"}}
            """, LumaJsonContext.Default.FileUpload)!;

        Assert.DoesNotContain("topsecret", upload.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", upload.Upload!.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://storage.test/b/f?(redacted)", upload.Upload.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("private", upload.Upload.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_without_a_file_object_still_gives_the_id_and_state()
    {
        var upload = JsonSerializer.Deserialize("""{"id":"f1","state":"pending","upload":null}""", LumaJsonContext.Default.FileUpload)!;

        Assert.Equal("f1", upload.File.Id);
        Assert.Equal(FileState.Pending, upload.File.State);
        Assert.Null(upload.Upload);
    }

    [Fact]
    public async Task A_client_made_for_mocking_hands_out_the_files_client_it_was_given()
    {
        var files = new FakeFiles();
        using var client = new MockedLuma(files);

        Assert.Same(files, client.Files);
        Assert.Equal("mocked", (await client.Files.GetAsync("x")).Id);
        var unconnected = new MockedLuma(null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => unconnected.Files.GetAsync("x"));
    }

    private static DateTimeOffset ManualStart => LumaAgents.Testing.ManualTimeProvider.DefaultStart;

    private sealed class FakeFiles : FilesClient
    {
        public override Task<LumaFile> GetAsync(string fileId, CancellationToken cancellationToken = default)
            => Task.FromResult(new LumaFile { Id = "mocked" });
    }

    private sealed class MockedLuma(FilesClient? files) : LumaClient(null, files);
}
