using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorFilesTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public async Task A_presigned_upload_is_created_put_without_authorization_completed_and_becomes_ready()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, FileReadyAfter = TimeSpan.FromSeconds(2) });
        using HttpClient api = Client(server);

        JsonElement created = await CreatePresignedAsync(api, """{"mime_type":"image/png","size_bytes":16,"filename":"cat.png","purpose":"reference","user_id":"u-1"}""");
        JsonElement upload = created.GetProperty("upload");
        string id = created.GetProperty("id").GetString()!;
        using HttpResponseMessage put = await PutAsync(upload, Png);
        using HttpResponseMessage complete = await api.PostAsync($"files/{id}/complete", null);
        JsonElement completed = await ReadJsonAsync(complete);
        clock.Advance(TimeSpan.FromSeconds(2));
        JsonElement ready = await ReadJsonAsync(await api.GetAsync($"files/{id}"));

        Assert.Equal("pending", created.GetProperty("state").GetString());
        Assert.Equal("pending", created.GetProperty("file").GetProperty("state").GetString());
        Assert.Equal(id, created.GetProperty("file").GetProperty("id").GetString());
        Assert.Equal("PUT", upload.GetProperty("method").GetString());
        Assert.StartsWith($"{server.BaseUrl.GetLeftPart(UriPartial.Authority)}/uploads/{id}?", upload.GetProperty("url").GetString());
        Assert.Equal("image/png", upload.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(Start.AddHours(1), upload.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal(200, (int)put.StatusCode);
        Assert.Equal($"\"{System.IO.Hashing.Crc32.HashToUInt32(Png):x8}\"", put.Headers.ETag!.Tag);
        Assert.Equal(200, (int)complete.StatusCode);
        Assert.Equal("pending", completed.GetProperty("state").GetString());
        Assert.Equal("ready", ready.GetProperty("state").GetString());
        Assert.Equal(16, ready.GetProperty("size_bytes").GetInt64());
        Assert.Equal("reference", ready.GetProperty("purpose").GetString());
        Assert.Equal("cat.png", ready.GetProperty("filename").GetString());
        Assert.Equal("u-1", ready.GetProperty("user_id").GetString());
        Assert.Equal(JsonValueKind.Null, ready.GetProperty("deleted_at").ValueKind);
        FakeFile file = server.GetFile(id)!;
        Assert.Equal("presigned", file.UploadMode);
        Assert.Equal(16, file.ReceivedBytes);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(Png), file.Crc32);
        Assert.Equal(Png, file.Content);
        RecordedRequest putRecord = Assert.Single(server.Requests, r => r.RouteKind == RouteKind.Upload);
        Assert.False(putRecord.HasAuthorization);
        Assert.Equal("image/png", putRecord.Headers["Content-Type"]);
        Assert.Equal(id, putRecord.Headers["x-amz-meta-luma-file-id"]);
        Assert.Equal("16", putRecord.Headers["Content-Length"]);
    }

    [Fact]
    public async Task A_presigned_put_is_refused_like_s3_for_authorization_headers_size_signature_and_expiry()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, FileUploadUrlLifetime = TimeSpan.FromMinutes(15) });
        using HttpClient api = Client(server);
        JsonElement created = await CreatePresignedAsync(api, """{"mime_type":"image/png","size_bytes":16}""");
        JsonElement upload = created.GetProperty("upload");
        string url = upload.GetProperty("url").GetString()!;

        using HttpResponseMessage withAuthorization = await PutAsync(upload, Png, authorization: server.ApiKey);
        using HttpResponseMessage missingHeader = await PutAsync(upload, Png, skipHeader: "x-amz-meta-luma-file-id");
        using HttpResponseMessage wrongSize = await PutAsync(upload, Png[..10]);
        using HttpResponseMessage tampered = await PutAsync(upload, Png, url: url.Replace("expires=", "expires=1", StringComparison.Ordinal));
        using HttpResponseMessage completeFirst = await api.PostAsync($"files/{created.GetProperty("id").GetString()}/complete", null);
        clock.Advance(TimeSpan.FromMinutes(15));
        using HttpResponseMessage expired = await PutAsync(upload, Png);

        Assert.Equal(400, (int)withAuthorization.StatusCode);
        Assert.Contains("<Code>InvalidArgument</Code>", await withAuthorization.Content.ReadAsStringAsync());
        Assert.True(server.Requests.First(r => r.RouteKind == RouteKind.Upload).HasAuthorization);
        Assert.Equal(403, (int)missingHeader.StatusCode);
        Assert.Contains("x-amz-meta-luma-file-id", await missingHeader.Content.ReadAsStringAsync());
        Assert.Equal(403, (int)wrongSize.StatusCode);
        Assert.Contains("Content-Length 10 does not match the presigned size_bytes 16", await wrongSize.Content.ReadAsStringAsync());
        Assert.Equal(403, (int)tampered.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", await tampered.Content.ReadAsStringAsync());
        Assert.Equal(400, (int)completeFirst.StatusCode);
        Assert.Equal(FakeLumaServerDetails.FileNotUploaded, await ReadDetailAsync(completeFirst));
        Assert.Equal(403, (int)expired.StatusCode);
        Assert.Contains("<Message>Request has expired</Message>", await expired.Content.ReadAsStringAsync());
        Assert.Null(server.Files[0].ReceivedBytes);
        Assert.False(HasHeader(expired, "X-API-Version"));
    }

    [Fact]
    public async Task An_inline_upload_streams_the_file_part_under_the_cap_and_413s_above_it()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, FileInlineMaxBytes = 100 });
        using HttpClient api = Client(server);

        using HttpResponseMessage inline = await api.PostAsync("files", Multipart(Png, "photo.png", "image/png", ("purpose", "reference"), ("user_id", "u-2")));
        JsonElement created = await ReadJsonAsync(inline);
        string id = created.GetProperty("id").GetString()!;
        clock.Advance(TimeSpan.FromSeconds(1));
        JsonElement ready = await ReadJsonAsync(await api.GetAsync($"files/{id}"));
        using HttpResponseMessage tooLarge = await api.PostAsync("files", Multipart(new byte[101], "big.png", "image/png"));
        using HttpResponseMessage noFile = await api.PostAsync("files", new MultipartFormDataContent { { new StringContent("input"), "purpose" } });

        Assert.Equal(201, (int)inline.StatusCode);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("upload").ValueKind);
        Assert.Equal("pending", created.GetProperty("state").GetString());
        Assert.Equal("ready", ready.GetProperty("state").GetString());
        Assert.Equal("photo.png", ready.GetProperty("filename").GetString());
        Assert.Equal("reference", ready.GetProperty("purpose").GetString());
        Assert.Equal(16, ready.GetProperty("size_bytes").GetInt64());
        Assert.Equal("image/png", ready.GetProperty("mime_type").GetString());
        Assert.Equal(Png, server.GetFile(id)!.Content);
        Assert.Equal("inline", server.GetFile(id)!.UploadMode);
        Assert.Equal(413, (int)tooLarge.StatusCode);
        Assert.Equal($"{FakeLumaServerDetails.InlineFileTooLarge} (limit 100 bytes)", await ReadDetailAsync(tooLarge));
        Assert.Equal(400, (int)noFile.StatusCode);
        Assert.Equal("file: Field required", await ReadDetailAsync(noFile));
        Assert.Single(server.Files);
    }

    [Fact]
    public async Task Ingest_fails_with_a_reason_for_a_fail_marker_in_the_name_or_by_the_outcome_selector()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = clock,
            FileOutcomeSelector = file => file.MimeType == "image/gif" ? "animated GIFs are not supported" : null,
        });
        using HttpClient api = Client(server);

        string marked = (await ReadJsonAsync(await api.PostAsync("files", Multipart(Png, "broken [fail].png", "image/png")))).GetProperty("id").GetString()!;
        string gif = (await ReadJsonAsync(await api.PostAsync("files", Multipart(Png, "a.gif", "image/gif")))).GetProperty("id").GetString()!;
        string fine = (await ReadJsonAsync(await api.PostAsync("files", Multipart(Png, "a.png", "image/png")))).GetProperty("id").GetString()!;
        JsonElement pendingFailure = await ReadJsonAsync(await api.GetAsync($"files/{marked}"));
        clock.Advance(TimeSpan.FromSeconds(1));
        JsonElement markedFailed = await ReadJsonAsync(await api.GetAsync($"files/{marked}"));
        JsonElement gifFailed = await ReadJsonAsync(await api.GetAsync($"files/{gif}"));

        Assert.Equal("pending", pendingFailure.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, pendingFailure.GetProperty("failure_reason").ValueKind);
        Assert.Equal("failed", markedFailed.GetProperty("state").GetString());
        Assert.Equal(FakeLumaServerDetails.FileIngestFailed, markedFailed.GetProperty("failure_reason").GetString());
        Assert.Equal("animated GIFs are not supported", gifFailed.GetProperty("failure_reason").GetString());
        Assert.Equal("ready", server.GetFile(fine)!.State);
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_keyset_cursors_filters_and_only_the_callers_files()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { ApiKeys = ["luma-api-a", "luma-api-b"] });
        using HttpClient api = Client(server);
        string[] ids = [.. Enumerable.Range(0, 5).Select(i => server.SeedFile(createdAt: Start.AddMinutes(i), purpose: i % 2 == 0 ? "input" : "reference"))];
        server.SeedFile(apiKey: "luma-api-b");
        server.SeedFile(state: "deleted", createdAt: Start.AddMinutes(10));

        JsonElement first = await ListAsync(api, "limit=2");
        server.SeedFile(createdAt: Start.AddMinutes(20));
        using (HttpResponseMessage deleted = await api.DeleteAsync($"files/{ids[1]}"))
        {
            Assert.Equal(204, (int)deleted.StatusCode);
        }

        JsonElement second = await ListAsync(api, $"limit=2&cursor={Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!)}");
        JsonElement references = await ListAsync(api, "purpose=reference");
        JsonElement deletedOnly = await ListAsync(api, "state=deleted");
        JsonElement defaults = await ListAsync(api, string.Empty);

        Assert.Equal([ids[4], ids[3]], Ids(first));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal([ids[2], ids[0]], Ids(second));
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.Equal([ids[3]], Ids(references));
        Assert.Equal(2, Ids(deletedOnly).Length);
        Assert.All(deletedOnly.GetProperty("data").EnumerateArray(), f => Assert.Equal("deleted", f.GetProperty("state").GetString()));
        Assert.Equal(5, Ids(defaults).Length);
        foreach (string bad in (string[])["limit=0", "limit=101", "limit=abc", "cursor=nonsense", "state=gone", "purpose=style"])
        {
            using HttpResponseMessage refused = await api.GetAsync($"files?{bad}");
            Assert.Equal(400, (int)refused.StatusCode);
            Assert.StartsWith(bad[..bad.IndexOf('=')] + ": ", await ReadDetailAsync(refused));
        }
    }

    [Fact]
    public async Task A_deleted_file_answers_204_then_shows_deleted_404s_a_second_delete_and_cannot_be_referenced()
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient api = Client(server);
        string id = server.SeedFile();

        using HttpResponseMessage delete = await api.DeleteAsync($"files/{id}");
        string deleteBody = await delete.Content.ReadAsStringAsync();
        JsonElement shown = await ReadJsonAsync(await api.GetAsync($"files/{id}"));
        using HttpResponseMessage again = await api.DeleteAsync($"files/{id}");
        using HttpResponseMessage complete = await api.PostAsync($"files/{id}/complete", null);
        using HttpResponseMessage generation = await CreateAsync(api, $$"""{"prompt":"x","image_ref":[{"file_id":"{{id}}"}]}""");

        Assert.Equal(204, (int)delete.StatusCode);
        Assert.Equal(string.Empty, deleteBody);
        Assert.Null(delete.Content.Headers.ContentType);
        Assert.Equal("deleted", shown.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("deleted_at").ValueKind);
        Assert.Equal(404, (int)again.StatusCode);
        Assert.Equal(FakeLumaServerDetails.FileNotFound, await ReadDetailAsync(again));
        Assert.Equal(400, (int)complete.StatusCode);
        Assert.Equal(400, (int)generation.StatusCode);
        Assert.Equal($"image_ref[0].file_id: {FakeLumaServerDetails.ReferencedFileDeleted}", await ReadDetailAsync(generation));
        Assert.Empty(server.Generations);
    }

    [Fact]
    public async Task Generations_accept_only_ready_files_the_caller_owns_and_name_every_bad_path()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { ApiKeys = ["luma-api-a", "luma-api-b"] });
        using HttpClient api = Client(server);
        string ready = server.SeedFile();
        string pending = server.SeedFile(state: "pending");
        string failed = server.SeedFile(state: "failed");
        string others = server.SeedFile(apiKey: "luma-api-b");
        string unknown = Guid.NewGuid().ToString();

        using HttpResponseMessage good = await CreateAsync(api, $$"""{"prompt":"x","image_ref":[{"file_id":"{{ready}}"}]}""");
        using HttpResponseMessage bad = await CreateAsync(api, """
            {"prompt":"x","model":"ray-3.2","type":"video","image_ref":[{"file_id":"READY"},{"file_id":"OTHERS"}],
             "video":{"start_frame":{"file_id":"PENDING"},"end_frame":{"file_id":"UNKNOWN"}}}
            """.Replace("READY", ready, StringComparison.Ordinal).Replace("OTHERS", others, StringComparison.Ordinal).Replace("PENDING", pending, StringComparison.Ordinal)
            .Replace("UNKNOWN", unknown, StringComparison.Ordinal));

        // Keyframes exclude start and end frames (a rule of their own), so they are checked in a request of their own.
        using HttpResponseMessage keyframes = await CreateAsync(api, """
            {"prompt":"x","model":"ray-3.2","type":"video","video":{"keyframes":[{"file_id":"FAILED"}],"keyframe_indexes":[0]}}
            """.Replace("FAILED", failed, StringComparison.Ordinal));
        using HttpResponseMessage edit = await CreateAsync(api, """{"prompt":"x","type":"image_edit","source":{"file_id":"OTHERS"}}""".Replace("OTHERS", others, StringComparison.Ordinal));
        using HttpResponseMessage alsoInvalid = await CreateAsync(api, $$"""{"prompt":"","image_ref":[{"file_id":"{{unknown}}"}]}""");

        Assert.Equal(201, (int)good.StatusCode);
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal(
            "image_ref[1].file_id: file not found; video.start_frame.file_id: file is not ready (state 'pending'); " +
            "video.end_frame.file_id: file not found",
            await ReadDetailAsync(bad));
        Assert.Equal("video.keyframes[0].file_id: file is not ready (state 'failed')", await ReadDetailAsync(keyframes));
        Assert.Equal("source.file_id: file not found", await ReadDetailAsync(edit));
        Assert.Equal($"{FakeLumaServerDetails.PromptEmpty}; image_ref[0].file_id: file not found", await ReadDetailAsync(alsoInvalid));
        Assert.Single(server.Generations);
    }

    [Fact]
    public async Task Files_belong_to_their_key_and_expire_at_expires_at()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, ApiKeys = ["luma-api-a", "luma-api-b"] });
        using HttpClient a = Client(server, "luma-api-a");
        using HttpClient b = Client(server, "luma-api-b");
        JsonElement created = await CreatePresignedAsync(a, $$"""{"mime_type":"image/png","size_bytes":16,"expires_at":"{{Start.AddHours(2):O}}"}""");
        string id = created.GetProperty("id").GetString()!;
        await PutAsync(created.GetProperty("upload"), Png);
        await a.PostAsync($"files/{id}/complete", null);

        using HttpResponseMessage othersGet = await b.GetAsync($"files/{id}");
        using HttpResponseMessage othersDelete = await b.DeleteAsync($"files/{id}");
        clock.Advance(TimeSpan.FromHours(2));
        JsonElement expired = await ReadJsonAsync(await a.GetAsync($"files/{id}"));
        using HttpResponseMessage past = await a.PostAsync("files", Json($$"""{"mime_type":"image/png","size_bytes":1,"expires_at":"{{Start:O}}"}"""));
        using HttpResponseMessage invalid = await a.PostAsync("files", Json("""{"size_bytes":6000000000}"""));
        using HttpResponseMessage wrongType = await a.PostAsync("files", new StringContent("x", Encoding.UTF8, "text/plain"));

        Assert.Equal(404, (int)othersGet.StatusCode);
        Assert.Equal(FakeLumaServerDetails.FileNotFound, await ReadDetailAsync(othersGet));
        Assert.Equal(404, (int)othersDelete.StatusCode);
        Assert.Equal("deleted", expired.GetProperty("state").GetString());
        Assert.Equal(Start.AddHours(2), expired.GetProperty("deleted_at").GetDateTimeOffset());
        Assert.Equal(Start.AddHours(2), expired.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal("expires_at: Should be in the future", await ReadDetailAsync(past));
        Assert.Equal("mime_type: Field required; size_bytes: Input should be less than or equal to 5368709120", await ReadDetailAsync(invalid));
        Assert.Equal(415, (int)wrongType.StatusCode);
    }

    [Fact]
    public async Task A_one_gigabyte_put_is_counted_and_hashed_as_it_streams_and_not_kept()
    {
        const long size = 1L << 30;
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient api = Client(server);
        JsonElement created = await CreatePresignedAsync(api, $$"""{"mime_type":"video/mp4","size_bytes":{{size}}}""");
        var content = new PatternContent(size);

        using HttpResponseMessage put = await PutAsync(created.GetProperty("upload"), content);

        FakeFile file = server.Files[0];
        Assert.Equal(200, (int)put.StatusCode);
        Assert.Equal(size, file.ReceivedBytes);
        Assert.Equal(content.Crc32, file.Crc32);
        Assert.Null(file.Content);
    }

    [Fact]
    public async Task In_memory_the_upload_url_is_served_by_the_same_handler()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { InMemory = true, FileReadyAfter = TimeSpan.Zero });
        using HttpClient api = InMemoryClient(server);
        using var storage = new HttpClient(server.CreateHandler());
        JsonElement created = await CreatePresignedAsync(api, """{"mime_type":"image/png","size_bytes":16}""");
        string id = created.GetProperty("id").GetString()!;

        using HttpResponseMessage put = await PutAsync(created.GetProperty("upload"), Png, client: storage);
        using HttpResponseMessage complete = await api.PostAsync($"files/{id}/complete", null);

        Assert.Equal(200, (int)put.StatusCode);
        Assert.Equal("ready", (await ReadJsonAsync(complete)).GetProperty("state").GetString());
    }

    private static async Task<JsonElement> CreatePresignedAsync(HttpClient api, string json)
    {
        using HttpResponseMessage response = await api.PostAsync("files", Json(json));
        Assert.Equal(201, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static Task<HttpResponseMessage> PutAsync(JsonElement upload, byte[] bytes, string? authorization = null, string? skipHeader = null, string? url = null, HttpClient? client = null) =>
        PutAsync(upload, new ByteArrayContent(bytes), authorization, skipHeader, url, client);

    private static async Task<HttpResponseMessage> PutAsync(JsonElement upload, HttpContent content, string? authorization = null, string? skipHeader = null, string? url = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url ?? upload.GetProperty("url").GetString()) { Content = content };
        foreach (JsonProperty header in upload.GetProperty("headers").EnumerateObject().Where(h => h.Name != skipHeader))
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()))
            {
                content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        if (authorization is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authorization);
        }

        using HttpClient owned = AnonymousClient();
        return await (client ?? owned).SendAsync(request);
    }

    private static MultipartFormDataContent Multipart(byte[] bytes, string fileName, string mimeType, params (string Name, string Value)[] fields)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        foreach ((string name, string value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static async Task<JsonElement> ListAsync(HttpClient api, string query)
    {
        using HttpResponseMessage response = await api.GetAsync(query.Length == 0 ? "files" : $"files?{query}");
        Assert.Equal(200, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static string[] Ids(JsonElement list) => [.. list.GetProperty("data").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];

    /// <summary>A large body written from one reused buffer, with its CRC-32 known in advance.</summary>
    private sealed class PatternContent : HttpContent
    {
        private static readonly byte[] Block = [.. Enumerable.Range(0, 1 << 20).Select(i => (byte)(i % 251))];
        private readonly long _size;

        public PatternContent(long size)
        {
            _size = size;
            var crc = new System.IO.Hashing.Crc32();
            for (long left = size; left > 0; left -= Block.Length)
            {
                crc.Append(Block.AsSpan(0, (int)Math.Min(Block.Length, left)));
            }

            Crc32 = crc.GetCurrentHashAsUInt32();
        }

        public uint Crc32 { get; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (long left = _size; left > 0; left -= Block.Length)
            {
                await stream.WriteAsync(Block.AsMemory(0, (int)Math.Min(Block.Length, left)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return true;
        }
    }
}
