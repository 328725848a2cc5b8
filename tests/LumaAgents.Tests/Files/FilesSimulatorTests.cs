using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Files;

/// <summary>The files API end to end against the simulator (issue 12, "Done when").</summary>
public sealed class FilesSimulatorTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 500).Select(i => (byte)i)];

    [Fact]
    public async Task A_small_file_is_uploaded_inline_and_is_ready()
    {
        await using var sim = await Simulated.StartAsync(server: o => o.FileReadyAfter = TimeSpan.Zero);

        var file = await sim.Client.Files.UploadAsync(new MemoryStream(Png), "photo.png", "image/png", new FileUploadOptions { Purpose = FilePurpose.Reference, UserId = "u-1" });

        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal((Png.Length, "photo.png", "u-1"), ((int)file.SizeBytes, file.FileName, file.UserId));
        Assert.Equal(FilePurpose.Reference, file.Purpose);
        var stored = sim.Server.GetFile(file.Id)!;
        Assert.Equal("inline", stored.UploadMode);
        Assert.Equal(Png, stored.Content);
        Assert.Equal([RouteKind.CreateFile], sim.Server.Requests.Select(r => r.RouteKind));
    }

    [Fact]
    public async Task A_presigned_upload_puts_the_presigned_headers_and_nothing_of_ours_then_waits_until_ready()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(
            server: o => { o.TimeProvider = time; o.FileReadyAfter = TimeSpan.FromSeconds(3); },
            client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; o.CustomHeaders["X-Proxy-Route"] = "eu"; });
        var progress = new RecordingProgress();

        var file = await sim.RunAsync(time, sim.Client.Files.UploadAsync(
            new MemoryStream(Png), "photo.png", "image/png", new FileUploadOptions { InlineLimit = 0, Progress = progress }));

        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal(
            [RouteKind.CreateFile, RouteKind.Upload, RouteKind.CompleteFile, RouteKind.GetFile],
            sim.Server.Requests.Select(r => r.RouteKind).Distinct());
        var put = Assert.Single(sim.Server.Requests, r => r.RouteKind == RouteKind.Upload);
        Assert.Equal(200, put.StatusCode);
        Assert.False(put.HasAuthorization);
        Assert.DoesNotContain("X-Request-Id", put.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Proxy-Route", put.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("image/png", put.Headers["Content-Type"]);
        Assert.Equal(file.Id, put.Headers["x-amz-meta-luma-file-id"]);
        Assert.Equal(Png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), put.Headers["Content-Length"]);
        Assert.All(sim.Server.Requests.Where(r => r.RouteKind != RouteKind.Upload), r => Assert.True(r.HasAuthorization));
        var stored = sim.Server.GetFile(file.Id)!;
        Assert.Equal("presigned", stored.UploadMode);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(Png), stored.Crc32);
        Assert.Equal(Png.Length, progress.Values[^1]);
        Assert.Equal(progress.Values.Order(), progress.Values);
    }

    [Fact]
    public async Task An_inline_upload_over_the_servers_cap_is_sent_again_through_the_presigned_flow()
    {
        await using var sim = await Simulated.StartAsync(server: o => { o.FileReadyAfter = TimeSpan.Zero; o.FileInlineMaxBytes = 100; });

        var file = await sim.Client.Files.UploadAsync(new MemoryStream(Png), "photo.png", "image/png");

        Assert.Equal(
            [(RouteKind.CreateFile, 413), (RouteKind.CreateFile, 201), (RouteKind.Upload, 200), (RouteKind.CompleteFile, 200)],
            sim.Server.Requests.Select(r => (r.RouteKind, r.StatusCode ?? 0)));
        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal("presigned", sim.Server.GetFile(file.Id)!.UploadMode);
    }

    [Fact]
    public async Task A_file_that_fails_ingest_raises_FileFailedException_with_the_servers_reason()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(
            server: o => o.TimeProvider = time,
            client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });

        var error = await Assert.ThrowsAsync<FileFailedException>(() => sim.RunAsync(time, sim.Client.Files.UploadAsync(new MemoryStream(Png), "broken [fail].png", "image/png")));

        Assert.Equal(FakeLumaServerDetails.FileIngestFailed, error.FailureReason);
        Assert.Equal("failed", sim.Server.GetFile(error.FileId)!.State);
    }

    [Fact]
    public async Task ListAsync_walks_several_pages_newest_first_and_honours_the_filters()
    {
        await using var sim = await Simulated.StartAsync();
        var start = ManualTimeProvider.DefaultStart;
        var inputs = Enumerable.Range(0, 7).Select(i => sim.Server.SeedFile(createdAt: start.AddMinutes(i))).ToList();
        sim.Server.SeedFile(purpose: "reference", createdAt: start.AddMinutes(20));
        sim.Server.SeedFile(state: "pending", createdAt: start.AddMinutes(21));
        sim.Server.SeedFile(state: "deleted", createdAt: start.AddMinutes(22));

        var listed = new List<LumaFile>();
        await foreach (var file in sim.Client.Files.ListAsync(new FileListOptions { Limit = 3, Purpose = FilePurpose.Input, State = FileState.Ready }))
        {
            listed.Add(file);
        }

        Assert.Equal(Enumerable.Reverse(inputs), listed.Select(f => f.Id));
        Assert.All(listed, f => Assert.Equal((FileState.Ready, FilePurpose.Input), (f.State, f.Purpose)));
        var pages = sim.Server.Requests.Where(r => r.RouteKind == RouteKind.ListFiles).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(200, p.StatusCode));
        // Without a state filter the simulator leaves deleted files out.
        Assert.Equal(9, (await sim.Client.Files.ListPageAsync()).Data.Count);
    }

    [Fact]
    public async Task A_deleted_file_reads_as_deleted_is_refused_by_generations_and_cannot_be_waited_for()
    {
        await using var sim = await Simulated.StartAsync(server: o => o.FileReadyAfter = TimeSpan.Zero);
        var file = await sim.Client.Files.UploadAsync(new MemoryStream(Png), "photo.png", "image/png");

        await sim.Client.Files.DeleteAsync(file.Id);
        var deleted = await sim.Client.Files.GetAsync(file.Id);
        var generation = await Assert.ThrowsAsync<LumaBadRequestException>(() => sim.Client.Generations.CreateAsync(
            GenerationRequest.Image("a fox") with { ImageRefs = [ImageRef.FromUploadedFile(file)] }));
        var wait = await Assert.ThrowsAsync<FileFailedException>(() => sim.Client.Files.WaitUntilReadyAsync(file.Id));
        var again = await Assert.ThrowsAsync<LumaNotFoundException>(() => sim.Client.Files.DeleteAsync(file.Id));

        Assert.Equal(FileState.Deleted, deleted.State);
        Assert.NotNull(deleted.DeletedAt);
        Assert.Equal($"image_ref[0].file_id: {FakeLumaServerDetails.ReferencedFileDeleted}", generation.Detail);
        Assert.Contains("was deleted", wait.Message, StringComparison.Ordinal);
        Assert.Equal(FakeLumaServerDetails.FileNotFound, again.Detail);
        Assert.Throws<LumaValidationException>(() => ImageRef.FromUploadedFile(deleted));
        var delete = sim.Server.Requests.First(r => r.RouteKind == RouteKind.DeleteFile);
        Assert.Equal("*/*", delete.Headers["Accept"]);
        Assert.Empty(sim.Server.Generations);
    }

    [Fact]
    public async Task A_generation_referencing_an_uploaded_file_completes()
    {
        await using var sim = await Simulated.StartAsync(server: o => o.FileReadyAfter = TimeSpan.Zero);
        var file = await sim.Client.Files.UploadAsync(new MemoryStream(Png), "photo.png", "image/png", new FileUploadOptions { InlineLimit = 0 });

        var done = await sim.Client.Generations.CreateAndWaitAsync(
            GenerationRequest.Image("the product on marble") with { ImageRefs = [ImageRef.FromUploadedFile(file)] },
            new WaitOptions { InitialDelay = TimeSpan.Zero });

        Assert.True(done.IsCompleted);
        Assert.Contains(file.Id, sim.Creates.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_presigned_url_that_looks_expired_by_a_fast_local_clock_is_created_again_once_then_storage_decides()
    {
        // This machine's clock runs two hours ahead of the API's: every one-hour URL looks expired on arrival.
        var fast = new ManualTimeProvider(DateTimeOffset.UtcNow.AddHours(2));
        await using var sim = await Simulated.StartAsync(server: o => o.FileReadyAfter = TimeSpan.Zero, client: o => o.TimeProvider = fast);

        var file = await sim.Client.Files.UploadAsync(new MemoryStream(Png), "photo.png", "image/png", new FileUploadOptions { InlineLimit = 0 });

        Assert.Equal(
            [RouteKind.CreateFile, RouteKind.CreateFile, RouteKind.Upload, RouteKind.CompleteFile],
            sim.Server.Requests.Select(r => r.RouteKind));
        Assert.Equal(FileState.Ready, file.State);
        Assert.Equal("pending", sim.Server.Files.Single(f => f.Id != file.Id).State);
    }

    [Fact]
    public async Task Bad_inputs_reach_no_route_of_the_simulator()
    {
        await using var sim = await Simulated.StartAsync();

        await Assert.ThrowsAsync<LumaValidationException>(() => sim.Client.Files.UploadAsync(new MemoryStream(), "empty.png", "image/png"));
        await Assert.ThrowsAsync<LumaValidationException>(() => sim.Client.Files.UploadAsync(new MemoryStream(Png), "photo.heic", string.Empty));
        await Assert.ThrowsAsync<LumaValidationException>(() => sim.Client.Files.GetAsync("../generations"));
        Assert.Throws<LumaValidationException>(() => sim.Client.Files.ListAsync(new FileListOptions { Limit = 500 }));

        Assert.Empty(sim.Server.Requests);
    }
}
