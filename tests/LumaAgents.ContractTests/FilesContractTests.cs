using System.Globalization;
using System.Net;
using LumaAgents.ContractTests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LumaAgents.ContractTests;

/// <summary>
/// Files (reference §8): create (JSON, the presigned flow), the inline multipart create, the PUT of the bytes to the
/// presigned storage URL, complete, get, the cursor-paged list and delete.
/// </summary>
public sealed class FilesContractTests : ContractTest
{
    private const string FileId = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f60718293";

    private static string FileJson(string state, string purpose = "input", long size = 12, string filename = "cat.png", string extra = "") => $$"""
        {"id":"{{FileId}}","created_at":"2026-04-08T12:00:00Z","mime_type":"image/png","purpose":"{{purpose}}",
         "size_bytes":{{size}},"state":"{{state}}","filename":"{{filename}}","user_id":"end-user-7"{{extra}}}
        """;

    private static string FileJson(string id, string state) => $$"""
        {"id":"{{id}}","created_at":"2026-04-08T12:00:00Z","mime_type":"image/png","purpose":"input","size_bytes":3,"state":"{{state}}"}
        """;

    private string Presigned(long size, DateTimeOffset expiresAt, string filename = "cat.png") => $$$"""
        {"id":"{{{FileId}}}","state":"pending","file":{{{FileJson("pending", size: size, filename: filename)}}},
         "upload":{"url":"{{{Server.Url}}}/storage/uploads/{{{FileId}}}?X-Amz-Signature=sig123&X-Amz-Expires=3600","method":"PUT",
                   "headers":{"Content-Type":"image/png","x-amz-server-side-encryption":"AES256"},
                   "expires_at":"{{{expiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}}"}}
        """;

    [Fact]
    public async Task Create_posts_every_documented_field_and_parses_the_presigned_upload()
    {
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        Server.Given(ApiJson("POST", "/files", """
                {"mime_type":"image/png","size_bytes":12,"expires_at":"2026-06-01T00:00:00+00:00","filename":"cat.png",
                 "purpose":"input","user_id":"end-user-7"}
                """))
            .RespondWith(Json(201, Presigned(12, expires), "req-file-create"));

        var response = await Succeeds(() => Client.Files.CreateWithResponseAsync(new FileCreateRequest
        {
            MimeType = "image/png",
            SizeBytes = 12,
            ExpiresAt = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
            FileName = "cat.png",
            Purpose = FilePurpose.Input,
            UserId = "end-user-7",
        }));

        Assert.Equal("req-file-create", response.RequestId);
        var created = response.Value;
        Assert.Equal(FileId, created.Id);
        Assert.Equal(FileState.Pending, created.State);
        Assert.Equal(FileId, created.File.Id);
        Assert.Equal(12, created.File.SizeBytes);
        Assert.Equal("end-user-7", created.File.UserId);
        var upload = Assert.IsType<PresignedUpload>(created.Upload);
        Assert.Equal("PUT", upload.Method);
        Assert.Equal(new Uri($"{Server.Url}/storage/uploads/{FileId}?X-Amz-Signature=sig123&X-Amz-Expires=3600"), upload.Url);
        Assert.Equal("image/png", upload.Headers["Content-Type"]);
        Assert.Equal("AES256", upload.Headers["x-amz-server-side-encryption"]);
        Assert.NotNull(upload.ExpiresAt);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Presigned_upload_creates_then_puts_the_raw_bytes_with_exactly_the_presigned_headers_and_no_key_then_completes()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        var putPath = $"/storage/uploads/{FileId}";
        Server.Given(ApiJson("POST", "/files", """{"mime_type":"image/png","size_bytes":4096,"filename":"big.png"}"""))
            .RespondWith(Json(201, Presigned(4096, DateTimeOffset.UtcNow.AddHours(1), "big.png"), "req-c"));
        Server.Given(Request.Create().UsingPut().WithPath(putPath)
                .WithParam("X-Amz-Signature", "sig123").WithParam("X-Amz-Expires", "3600")
                .WithHeader("Content-Type", false, new ExactMatcher("image/png"))
                .WithHeader("x-amz-server-side-encryption", false, new ExactMatcher("AES256"))
                .WithBody(bytes))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("ETag", "\"abc\""));
        Server.Given(Api("POST", $"/files/{FileId}/complete"))
            .RespondWith(Json(200, FileJson("ready", size: 4096, filename: "big.png"), "req-complete"));

        var file = await Succeeds(() => Client.Files.UploadAsync(new MemoryStream(bytes), "big.png", "image/png", new FileUploadOptions { InlineLimit = 0 }));

        Assert.Equal(FileId, file.Id);
        Assert.Equal(FileState.Ready, file.State);
        var put = Assert.Single(RequestsTo(putPath));
        // Exactly the presigned headers, plus what HTTP needs (Host, Content-Length) and the SDK's User-Agent (never a
        // signed header, and the SDK's own choice: tests/LumaAgents.Tests/Files/UploadFlowTests.cs pins it too); nothing
        // that identifies the account: no Authorization, X-Request-Id or custom headers.
        var sent = put.RequestMessage.Headers!.Keys.Select(k => k.ToLowerInvariant()).Order().ToArray();
        Assert.Equal(["content-length", "content-type", "host", "user-agent", "x-amz-server-side-encryption"], sent);
        Assert.Matches(UserAgentPattern, Header(put, "User-Agent"));
        Assert.Equal("4096", Header(put, "Content-Length"));
        var complete = Assert.Single(RequestsTo($"/v1/files/{FileId}/complete"));
        Assert.Null(Header(complete, "Content-Type"));
        Assert.True(complete.RequestMessage.BodyAsBytes is null or { Length: 0 }, "complete has no body");
        AssertEveryRequestMatched(3);
    }

    [Fact]
    public async Task Inline_upload_posts_one_multipart_body_with_the_bytes_in_the_file_part_and_the_fields_beside_it()
    {
        var bytes = "\u0089PNG\r\n\u001a\nsmall"u8.ToArray();
        Server.Given(Api("POST", "/files")
                .WithHeader("Content-Type", false, new RegexMatcher("^multipart/form-data; boundary=\"?[^\"]+\"?$"))
                .WithBody((byte[]? body) => Multipart.Parse(body) is { } parts
                    && parts.Count == 5
                    && parts.Single(p => p.Name == "mime_type").Text == "image/png"
                    && parts.Single(p => p.Name == "size_bytes").Text == bytes.Length.ToString(CultureInfo.InvariantCulture)
                    && parts.Single(p => p.Name == "filename").Text == "cat.png"
                    && parts.Single(p => p.Name == "purpose").Text == "reference"
                    && parts.Single(p => p.Name == "file") is { FileName: "cat.png", ContentType: "image/png" } file
                    && file.Content.AsSpan().SequenceEqual(bytes)
                    && parts.Where(p => p.Name != "file").All(p => p.ContentType is null)))
            .RespondWith(Json(201, $$"""
                {"id":"{{FileId}}","state":"pending","file":{{FileJson("pending", "reference", bytes.Length)}},"upload":null}
                """, "req-inline"));

        var file = await Succeeds(() => Client.Files.UploadAsync(
            new MemoryStream(bytes), "cat.png", "image/png", new FileUploadOptions { Purpose = FilePurpose.Reference, WaitUntilReady = false }));

        Assert.Equal(FileId, file.Id);
        Assert.Equal(FileState.Pending, file.State);
        Assert.Equal(FilePurpose.Reference, file.Purpose);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Complete_posts_without_a_body_and_parses_the_file()
    {
        Server.Given(Api("POST", $"/files/{FileId}/complete"))
            .RespondWith(Json(200, FileJson("pending"), "req-complete"));

        var response = await Succeeds(() => Client.Files.CompleteWithResponseAsync(FileId));

        Assert.Equal("req-complete", response.RequestId);
        Assert.Equal(FileState.Pending, response.Value.State);
        var complete = Assert.Single(RequestsTo($"/v1/files/{FileId}/complete"));
        Assert.Null(Header(complete, "Content-Type"));
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Get_parses_every_field_of_a_file()
    {
        Server.Given(Api("GET", $"/files/{FileId}"))
            .RespondWith(Json(200, FileJson("ready", extra: ""","expires_at":"2026-06-01T00:00:00Z","deleted_at":null"""), "req-file-get"));

        var file = await Succeeds(() => Client.Files.GetAsync(FileId));

        Assert.Equal(FileId, file.Id);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), file.CreatedAt);
        Assert.Equal("image/png", file.MimeType);
        Assert.Equal(FilePurpose.Input, file.Purpose);
        Assert.Equal(12, file.SizeBytes);
        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal("cat.png", file.FileName);
        Assert.Equal("end-user-7", file.UserId);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), file.ExpiresAt);
        Assert.Null(file.DeletedAt);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Get_of_a_failed_file_keeps_its_failure_reason_and_unknown_states_are_kept()
    {
        Server.Given(Api("GET", $"/files/{FileId}"))
            .RespondWith(Json(200, FileJson("failed", extra: ""","failure_reason":"The image could not be decoded." """), "req-failed"));
        Server.Given(Api("GET", "/files/0f0f0f0f-0000-4000-8000-000000000001"))
            .RespondWith(Json(200, FileJson("0f0f0f0f-0000-4000-8000-000000000001", "quarantined"), "req-odd"));

        var failed = await Succeeds(() => Client.Files.GetAsync(FileId));
        var odd = await Succeeds(() => Client.Files.GetAsync("0f0f0f0f-0000-4000-8000-000000000001"));

        Assert.Equal(FileState.Failed, failed.State);
        Assert.Equal("The image could not be decoded.", failed.FailureReason);
        Assert.Equal("quarantined", odd.State.Value);
        AssertEveryRequestMatched(2);
    }

    [Fact]
    public async Task List_follows_next_cursor_exactly_as_given_until_has_more_is_false()
    {
        const string cursor = "eyJpZCI6Mn0+/=";
        Server.Given(Api("GET", "/files").WithParam(ExactQuery(("limit", "2"), ("state", "ready"))))
            .RespondWith(Json(200, $$"""
                {"data":[{{FileJson("00000000-0000-4000-8000-00000000000a", "ready")}},{{FileJson("00000000-0000-4000-8000-00000000000b", "ready")}}],
                 "has_more":true,"next_cursor":"{{cursor}}"}
                """, "req-page-1"));
        Server.Given(Api("GET", "/files").WithParam(ExactQuery(("cursor", cursor), ("limit", "2"), ("state", "ready"))))
            .RespondWith(Json(200, $$"""
                {"data":[{{FileJson("00000000-0000-4000-8000-00000000000c", "ready")}}],"has_more":false,"next_cursor":null}
                """, "req-page-2"));

        var ids = await Succeeds(async () =>
        {
            var seen = new List<string>();
            await foreach (var file in Client.Files.ListAsync(new FileListOptions { Limit = 2, State = FileState.Ready }))
            {
                seen.Add(file.Id);
            }

            return seen;
        });

        Assert.Equal(["00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b", "00000000-0000-4000-8000-00000000000c"], ids);
        AssertEveryRequestMatched(2);
    }

    [Fact]
    public async Task List_page_sends_no_query_by_default_and_purpose_when_asked()
    {
        Server.Given(Api("GET", "/files").WithParam(ExactQuery()))
            .RespondWith(Json(200, """{"data":[],"has_more":false,"next_cursor":null}""", "req-empty"));
        Server.Given(Api("GET", "/files").WithParam(ExactQuery(("purpose", "reference"))))
            .RespondWith(Json(200, $$"""{"data":[{{FileJson("00000000-0000-4000-8000-00000000000d", "pending")}}],"has_more":false,"next_cursor":null}""", "req-ref"));

        var empty = await Succeeds(() => Client.Files.ListPageAsync());
        var references = await Succeeds(() => Client.Files.ListPageAsync(new FileListOptions { Purpose = FilePurpose.Reference }));

        Assert.Empty(empty.Data);
        Assert.False(empty.HasMore);
        Assert.Null(empty.NextCursor);
        Assert.Equal("00000000-0000-4000-8000-00000000000d", Assert.Single(references.Data).Id);
        AssertEveryRequestMatched(2);
    }

    [Fact]
    public async Task Delete_sends_accept_any_and_takes_204_without_a_body()
    {
        Server.Given(Api("DELETE", $"/files/{FileId}", accept: "*/*"))
            .RespondWith(Response.Create().WithStatusCode(204).WithHeader("X-Request-Id", "req-delete"));

        await Succeeds(() => Client.Files.DeleteAsync(FileId));

        AssertEveryRequestMatched(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    public async Task File_calls_refuse_an_empty_or_dot_id_before_any_request(string id)
    {
        await Assert.ThrowsAsync<LumaValidationException>(() => Client.Files.GetAsync(id));
        await Assert.ThrowsAsync<LumaValidationException>(() => Client.Files.CompleteAsync(id));
        await Assert.ThrowsAsync<LumaValidationException>(() => Client.Files.DeleteAsync(id));

        AssertEveryRequestMatched(0);
    }
}
