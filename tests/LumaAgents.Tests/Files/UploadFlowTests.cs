using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Files;

/// <summary>How UploadAsync moves the bytes (issue 12 §3), against a scripted API and storage host.</summary>
public sealed class UploadFlowTests
{
    [Fact]
    public async Task A_file_at_or_under_the_inline_limit_goes_inline_as_multipart_with_the_other_fields_as_form_fields()
    {
        var api = new ScriptedFilesApi { PendingReads = 0 };
        using var client = api.Client();
        var expires = new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var file = await api.RunAsync(client.Files.UploadAsync(
            new GeneratedStream(1000), "cat.png", "image/png",
            new FileUploadOptions { InlineLimit = 1000, Purpose = FilePurpose.Reference, UserId = "user-7", ExpiresAt = expires }));

        var create = Assert.Single(api.Creates);
        Assert.True(create.IsMultipart);
        Assert.StartsWith("multipart/form-data", create.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.True(long.Parse(create.Headers["Content-Length"], System.Globalization.CultureInfo.InvariantCulture) > 1000, "a Content-Length, not chunked");
        var part = create.FilePart!;
        Assert.Equal(("cat.png", "image/png", 1000L), (part.FileName, part.ContentType, part.Length));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => GeneratedStream.At(i)), part.Bytes);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["mime_type"] = "image/png",
                ["size_bytes"] = "1000",
                ["expires_at"] = "2027-01-02T03:04:05+00:00",
                ["filename"] = "cat.png",
                ["purpose"] = "reference",
                ["user_id"] = "user-7",
            },
            create.FormFields);
        Assert.Empty(api.Puts);
        Assert.DoesNotContain(api.Exchanges, e => e.Uri.AbsolutePath.EndsWith("/complete", StringComparison.Ordinal));
        Assert.Equal(FileState.Ready, file.State);
    }

    [Fact]
    public async Task A_file_above_the_inline_limit_is_created_then_put_to_storage_with_exactly_the_presigned_headers_then_completed()
    {
        var api = new ScriptedFilesApi { PendingReads = 0 };
        using var client = api.Client(o => o.CustomHeaders["X-Proxy-Route"] = "eu");
        var source = new GeneratedStream(5000);

        var file = await api.RunAsync(client.Files.UploadAsync(source, "clip.mp4", "video/mp4", new FileUploadOptions { InlineLimit = 4999 }));

        Assert.Equal(
            ["POST /v1/files", "PUT /bucket/", "POST /v1/files/" + file.Id + "/complete", "GET /v1/files/" + file.Id],
            api.Exchanges.Select(e => e.Method + " " + (e.Uri.Host == ScriptedFilesApi.StorageHost ? "/bucket/" : e.Uri.AbsolutePath)));
        var create = JsonNode.Parse(api.Creates.Single().Body!)!;
        Assert.Equal("""{"mime_type":"video/mp4","size_bytes":5000,"filename":"clip.mp4"}""", create.ToJsonString());

        var put = Assert.Single(api.Puts);
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal(ScriptedFilesApi.Signature, put.Uri.Query.TrimStart('?'));
        Assert.Equal(
            ["Content-Length", "Content-Type", "User-Agent", "x-amz-meta-file-id"],
            put.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("video/mp4", put.Headers["Content-Type"]);
        Assert.Equal(file.Id, put.Headers["x-amz-meta-file-id"]);
        Assert.Equal("5000", put.Headers["Content-Length"]);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => GeneratedStream.At(i)), put.Body!);
        Assert.All(api.Exchanges.Where(e => e.Uri.Host == ScriptedFilesApi.ApiHost), e => Assert.Equal("eu", e.Headers["X-Proxy-Route"]));
        Assert.Equal(FileState.Ready, file.State);
    }

    [Fact]
    public async Task An_inline_upload_refused_as_too_large_is_sent_once_through_the_presigned_flow()
    {
        var api = new ScriptedFilesApi { PendingReads = 0 };
        api.Fault = (e, _) => Task.FromResult(e.IsMultipart
            ? ScriptedFilesApi.Json(HttpStatusCode.RequestEntityTooLarge, new JsonObject { ["detail"] = "Payload too large" })
            : null);
        using var client = api.Client();
        var progress = new RecordingProgress();

        var file = await api.RunAsync(client.Files.UploadAsync(new GeneratedStream(3000), "a.png", "image/png", new FileUploadOptions { Progress = progress }));

        Assert.Equal([true, false], api.Creates.Select(c => c.IsMultipart));
        Assert.Equal(3000, Assert.Single(api.Puts).BodyLength);
        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal(3000, progress.Values[^1]);
    }

    [Fact]
    public async Task A_presigned_url_already_expired_when_the_create_answers_is_replaced_by_creating_once_more()
    {
        var api = new ScriptedFilesApi { PendingReads = 0, UploadLifetime = TimeSpan.FromSeconds(-1) };
        var creates = 0;
        api.Fault = (e, _) =>
        {
            if (e.Method == HttpMethod.Post && e.Uri.AbsolutePath == "/v1/files" && ++creates == 2)
            {
                api.UploadLifetime = TimeSpan.FromHours(1);
            }

            return Task.FromResult<HttpResponseMessage?>(null);
        };
        using var client = api.Client();

        var file = await client.Files.UploadAsync(new GeneratedStream(100), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0, WaitUntilReady = false });

        Assert.Equal(2, api.Creates.Count());
        var put = Assert.Single(api.Puts);
        Assert.EndsWith("/" + file.Id, put.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_refused_because_the_presigned_request_expired_creates_the_file_again_once()
    {
        var api = new ScriptedFilesApi { PendingReads = 0 };
        var puts = 0;
        api.Fault = async (e, ct) =>
        {
            if (e.Uri.Host == ScriptedFilesApi.StorageHost && ++puts == 1)
            {
                await e.ReadBodyAsync(ct);
                return Xml(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
            }

            return null;
        };
        using var client = api.Client();

        var file = await client.Files.UploadAsync(new GeneratedStream(100), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0, WaitUntilReady = false });

        Assert.Equal(2, api.Creates.Count());
        Assert.Equal(2, api.Puts.Count());
        Assert.EndsWith("/" + file.Id, api.Puts.Last().Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual(api.Puts.First().Uri, api.Puts.Last().Uri);
    }

    [Fact]
    public async Task A_put_refused_for_another_reason_is_a_typed_error_without_the_signature_and_is_not_retried()
    {
        var api = new ScriptedFilesApi();
        api.Fault = (e, _) => Task.FromResult(e.Uri.Host == ScriptedFilesApi.StorageHost
            ? Xml(HttpStatusCode.Forbidden, "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>")
            : null);
        using var client = api.Client(o => o.Retry.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<LumaUploadException>(() => client.Files.UploadAsync(new GeneratedStream(100), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0 }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.NotNull(error.FileId);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains("storage.test/bucket/", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Puts);
        Assert.Single(api.Creates);
    }

    [Fact]
    public async Task A_put_that_fails_transiently_is_retried_and_progress_never_goes_down()
    {
        var api = new ScriptedFilesApi { PendingReads = 0 };
        var puts = 0;
        api.Fault = async (e, ct) =>
        {
            if (e.Uri.Host == ScriptedFilesApi.StorageHost && ++puts == 1)
            {
                // Storage takes every byte, then fails: the SDK sends them all again.
                await e.ReadBodyAsync(ct);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            return null;
        };
        using var client = api.Client(o => { o.Retry.MaxRetries = 2; o.Retry.BaseDelay = TimeSpan.Zero; });
        var progress = new RecordingProgress();

        var file = await api.RunAsync(client.Files.UploadAsync(new GeneratedStream(200_000), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0, Progress = progress }));

        Assert.Equal(2, api.Puts.Count());
        Assert.All(api.Puts, p => Assert.Equal(200_000, p.BodyLength));
        Assert.Single(api.Creates);
        Assert.Equal(progress.Values.Order(), progress.Values);
        Assert.Equal(progress.Values.Distinct(), progress.Values);
        Assert.Equal(0, progress.Values[0]);
        Assert.Equal(200_000, progress.Values[^1]);
        Assert.Equal(FileState.Ready, file.State);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_sent_once_and_a_retry_that_would_need_it_again_says_why_it_cannot()
    {
        var api = new ScriptedFilesApi();
        api.Fault = async (e, ct) =>
        {
            if (e.Uri.Host == ScriptedFilesApi.StorageHost)
            {
                await e.ReadBodyAsync(ct);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            return null;
        };
        using var client = api.Client(o => { o.Retry.MaxRetries = 2; o.Retry.BaseDelay = TimeSpan.Zero; });

        var error = await Assert.ThrowsAsync<LumaUploadException>(() => client.Files.UploadAsync(
            new GeneratedStream(100, seekable: false), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0, SizeBytes = 100 }));

        Assert.Contains("cannot seek", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Puts);
        Assert.Equal(100, api.Puts.Single().BodyLength);
    }

    [Fact]
    public async Task A_stream_shorter_than_its_declared_size_fails_typed_and_is_not_retried()
    {
        var api = new ScriptedFilesApi();
        api.Fault = async (e, ct) =>
        {
            if (e.Uri.Host == ScriptedFilesApi.StorageHost)
            {
                await e.ReadBodyAsync(ct);
            }

            return null;
        };
        using var client = api.Client(o => { o.Retry.MaxRetries = 3; o.Retry.BaseDelay = TimeSpan.Zero; });

        var error = await Assert.ThrowsAsync<LumaUploadException>(() => client.Files.UploadAsync(
            new GeneratedStream(80, seekable: false), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0, SizeBytes = 100 }));

        Assert.Contains("ended after 80 of its 100 bytes", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Puts);
        Assert.DoesNotContain(api.Exchanges, e => e.Uri.AbsolutePath.EndsWith("/complete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stream_longer_than_its_declared_size_fails_rather_than_upload_a_cut_file()
    {
        var api = new ScriptedFilesApi();
        using var client = api.Client();

        var error = await Assert.ThrowsAsync<LumaUploadException>(() => client.Files.UploadAsync(
            new GeneratedStream(120, seekable: false), "a.png", "image/png", new FileUploadOptions { SizeBytes = 100 }));

        Assert.Contains("goes on past its size of 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storage_host_that_stops_taking_bytes_fails_the_put_after_the_idle_timeout()
    {
        var api = new ScriptedFilesApi();
        var time = api.Time;
        var stalled = new TaskCompletionSource();
        api.Fault = async (e, ct) =>
        {
            if (e.Uri.Host == ScriptedFilesApi.StorageHost)
            {
                stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return null;
        };
        using var client = api.Client(o => o.Timeout = TimeSpan.FromSeconds(30));

        var upload = client.Files.UploadAsync(new GeneratedStream(100), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0 });
        await stalled.Task;
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(upload.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<LumaUploadException>(() => upload);

        Assert.Contains("took no bytes and gave no answer for 30 s", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_upload_is_not_cut_short_by_the_attempt_timeout_while_bytes_keep_moving()
    {
        var api = new ScriptedFilesApi { PendingReads = 0 };
        var time = api.Time;
        long received = 0;
        api.Fault = async (e, ct) =>
        {
            if (e.Uri.Host == ScriptedFilesApi.StorageHost)
            {
                // A slow link: each chunk takes 20 s of virtual time, the whole body far more than the 30 s timeout.
                var sink = new CountingStream { OnWrite = () => time.Advance(TimeSpan.FromSeconds(20)) };
                await e.Content!.CopyToAsync(sink, ct);
                received = sink.Length;
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            return null;
        };
        using var client = api.Client(o => o.Timeout = TimeSpan.FromSeconds(30));

        var file = await client.Files.UploadAsync(new GeneratedStream(400_000), "a.png", "image/png", new FileUploadOptions { InlineLimit = 0, WaitUntilReady = false });

        Assert.Equal(FileState.Pending, file.State);
        Assert.Equal(400_000, received);
        Assert.True(time.GetUtcNow() - ManualTimeProvider.DefaultStart >= TimeSpan.FromSeconds(100), "the body took longer than the attempt timeout");
    }

    [Fact]
    public async Task Failed_ingest_raises_FileFailedException_with_the_id_and_the_reason()
    {
        var api = new ScriptedFilesApi { PendingReads = 2, FailureReason = "moderation: not allowed" };
        using var client = api.Client();

        var error = await Assert.ThrowsAsync<FileFailedException>(() => api.RunAsync(client.Files.UploadAsync(new GeneratedStream(10), "a.png", "image/png")));

        Assert.Equal("moderation: not allowed", error.FailureReason);
        Assert.Equal(FileState.Failed, error.File.State);
        Assert.Contains(error.FileId, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, api.Exchanges.Count(e => e.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task Without_WaitUntilReady_the_upload_returns_the_pending_file_without_polling()
    {
        var api = new ScriptedFilesApi();
        using var client = api.Client();

        var file = await client.Files.UploadAsync(new GeneratedStream(10), "a.png", "image/png", new FileUploadOptions { WaitUntilReady = false });

        Assert.Equal(FileState.Pending, file.State);
        Assert.DoesNotContain(api.Exchanges, e => e.Method == HttpMethod.Get);
    }

    [Fact]
    public async Task An_uploaded_path_takes_its_size_media_type_and_name_from_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "luma-upload-" + Guid.NewGuid().ToString("N") + ".webp");
        await File.WriteAllBytesAsync(path, new byte[1234]);
        try
        {
            var api = new ScriptedFilesApi { PendingReads = 0 };
            using var client = api.Client();

            await client.Files.UploadAsync(path, new FileUploadOptions { InlineLimit = 0, WaitUntilReady = false });

            var create = JsonSerializer.Deserialize<JsonElement>(api.Creates.Single().Body!);
            Assert.Equal("image/webp", create.GetProperty("mime_type").GetString());
            Assert.Equal(1234, create.GetProperty("size_bytes").GetInt64());
            Assert.Equal(Path.GetFileName(path), create.GetProperty("filename").GetString());
            Assert.Equal(1234, api.Puts.Single().BodyLength);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_inline_create_that_times_out_is_not_retried_and_says_an_orphan_pending_file_is_harmless()
    {
        var api = new ScriptedFilesApi();
        var time = api.Time;
        var started = new TaskCompletionSource();
        api.Fault = async (e, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        };
        using var client = api.Client(o => { o.Timeout = TimeSpan.FromSeconds(10); o.Retry.MaxRetries = 3; });

        var upload = client.Files.UploadAsync(new GeneratedStream(10), "a.png", "image/png");
        await started.Task;
        await time.WaitForTimersAsync();
        time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<LumaTimeoutException>(() => upload);

        Assert.Single(api.Exchanges);
        Assert.Contains("made no progress for 10 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("orphan pending file is harmless", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_inline_body_on_a_slow_link_is_not_cut_short_by_the_attempt_timeout()
    {
        var api = new ScriptedFilesApi();
        var time = api.Time;
        var slow = true;
        api.Fault = async (e, ct) =>
        {
            if (e.IsMultipart && slow)
            {
                // Each chunk of the file part takes 20 s of virtual time; the body as a whole far more than 30 s.
                slow = false;
                var file = ((MultipartFormDataContent)e.Content!).Single(part => part.Headers.ContentDisposition!.Name!.Trim('"') == "file");
                await file.CopyToAsync(new CountingStream { OnWrite = () => time.Advance(TimeSpan.FromSeconds(20)) }, ct);
            }

            return null;
        };
        using var client = api.Client(o => o.Timeout = TimeSpan.FromSeconds(30));

        var file = await client.Files.UploadAsync(new GeneratedStream(400_000), "a.png", "image/png", new FileUploadOptions { WaitUntilReady = false });

        Assert.Equal(FileState.Pending, file.State);
        Assert.Single(api.Creates);
        Assert.True(time.GetUtcNow() - ManualTimeProvider.DefaultStart >= TimeSpan.FromSeconds(100), "the body took longer than the attempt timeout");
    }

    private static HttpResponseMessage Xml(HttpStatusCode status, string body)
        => new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml") };
}
