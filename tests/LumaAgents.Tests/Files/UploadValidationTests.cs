using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Files;

/// <summary>Bad inputs to the files API: a typed error naming what was wrong, and nothing sent.</summary>
public sealed class UploadValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("luma-files-").FullName;
    private readonly ScriptedFilesApi _api = new();
    private readonly LumaClient _client;

    public UploadValidationTests() => _client = _api.Client();

    public void Dispose()
    {
        _client.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var path = Write("empty.png", 0);

        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(path));

        AssertProblem(error, "size_bytes", "the file is empty");
    }

    [Fact]
    public async Task A_missing_file_is_refused()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(Path.Combine(_folder, "nope.png")));

        AssertProblem(error, "path", "no file at");
    }

    [Fact]
    public async Task A_directory_is_refused()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(_folder));

        Assert.Equal("path", error.Errors[0].Path);
        Assert.Empty(_api.Exchanges);
    }

    [Fact]
    public async Task A_file_whose_extension_tells_no_media_type_is_refused_with_the_way_out()
    {
        var path = Write("notes.txt", 10);

        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(path));

        AssertProblem(error, "mime_type", "cannot be told from the name 'notes.txt'");
        Assert.Contains(".png", error.Message, StringComparison.Ordinal);
        Assert.Contains("UploadAsync(stream, fileName, \"image/png\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_over_5_GiB_is_refused()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(new GeneratedStream(FileLimits.MaxSizeBytes + 1), "big.mp4", "video/mp4"));

        AssertProblem(error, "size_bytes", "the largest file is 5 GiB (5,368,709,120 bytes)");
    }

    [Fact]
    public async Task A_stream_of_exactly_5_GiB_is_allowed_through_to_the_create()
    {
        _api.Fault = async (e, ct) =>
        {
            await e.ReadBodyAsync(ct);
            return new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden);
        };

        await Assert.ThrowsAsync<LumaPermissionDeniedException>(() => _client.Files.UploadAsync(new GeneratedStream(FileLimits.MaxSizeBytes), "big.mp4", "video/mp4"));

        Assert.Contains("\"size_bytes\":5368709120", System.Text.Encoding.UTF8.GetString(_api.Creates.Single().Body ?? []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_needs_its_size()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(new GeneratedStream(10, seekable: false), "a.png", "image/png"));

        AssertProblem(error, "size_bytes", "FileUploadOptions.SizeBytes");
    }

    [Fact]
    public async Task A_declared_size_that_disagrees_with_the_stream_is_refused()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(new GeneratedStream(10), "a.png", "image/png", new FileUploadOptions { SizeBytes = 11 }));

        AssertProblem(error, "size_bytes", "SizeBytes is 11 but the stream holds 10 bytes");
    }

    [Fact]
    public async Task A_media_type_that_is_not_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(new GeneratedStream(10), "a.png", "png"));

        AssertProblem(error, "mime_type", "'png' is not a media type");
    }

    [Fact]
    public async Task An_empty_media_type_is_told_from_the_file_name()
    {
        var file = await _client.Files.UploadAsync(new GeneratedStream(10), "a.JPG", string.Empty, new FileUploadOptions { WaitUntilReady = false });

        Assert.Equal("image/jpeg", _api.Creates.Single().FilePart!.ContentType);
        Assert.Equal(FileState.Pending, file.State);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.UploadAsync(
            new GeneratedStream(0), " ", string.Empty, new FileUploadOptions { InlineLimit = -1, Wait = new FileWaitOptions { Timeout = TimeSpan.Zero } }));

        Assert.Equal(["InlineLimit", "FileWaitOptions.Timeout", "filename", "mime_type", "size_bytes"], error.Errors.Select(e => e.Path));
        Assert.Empty(_api.Exchanges);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("x?y=1")]
    public async Task Bad_file_ids_are_refused_before_anything_is_sent(string id)
    {
        await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.GetAsync(id));
        await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.CompleteAsync(id));
        await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.DeleteAsync(id));
        var wait = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.WaitUntilReadyAsync(id));

        Assert.Equal("file_id", wait.Errors.Single().Path);
        Assert.Empty(_api.Exchanges);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_page_size_outside_1_to_100_is_refused(int limit)
    {
        var options = new FileListOptions { Limit = limit };

        var page = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.ListPageAsync(options));
        var all = Assert.Throws<LumaValidationException>(() => _client.Files.ListAsync(options));

        AssertProblem(page, "limit", "a page holds 1 to 100 files");
        Assert.Equal("limit", all.Errors.Single().Path);
    }

    [Fact]
    public async Task A_create_without_a_media_type_or_size_is_refused()
    {
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => _client.Files.CreateAsync(new FileCreateRequest()));

        Assert.Equal(["mime_type", "size_bytes"], error.Errors.Select(e => e.Path));
        Assert.Empty(_api.Exchanges);
    }

    [Fact]
    public async Task A_create_is_sent_unchecked_when_validation_is_off()
    {
        using var client = _api.Client(o => o.ValidateRequests = false);

        await client.Files.CreateAsync(new FileCreateRequest { MimeType = "image/png", SizeBytes = 0 });

        Assert.Single(_api.Creates);
    }

    private void AssertProblem(LumaValidationException error, string path, string message)
    {
        var problem = Assert.Single(error.Errors);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Exchanges);
    }

    private string Write(string name, int size)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, new byte[size]);
        return path;
    }
}
