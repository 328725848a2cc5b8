using LumaAgents.Testing;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Waiting;

/// <summary>Downloads and saved files (ARCHITECTURE §6) against the simulator's presigned URLs.</summary>
public sealed class DownloadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "luma-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Downloads_never_send_the_api_key()
    {
        await using var sim = await Simulated.StartAsync(server: o => o.RejectAuthorizationOnDownloads = true);
        var done = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), new WaitOptions { InitialDelay = TimeSpan.Zero });
        using var destination = new MemoryStream();

        await sim.Client.Generations.DownloadAsync(done, 0, destination);

        var download = Assert.Single(sim.Server.Requests, r => r.RouteKind == RouteKind.Download);
        Assert.False(download.HasAuthorization);
        Assert.All(sim.Server.Requests.Where(r => r.RouteKind != RouteKind.Download), r => Assert.True(r.HasAuthorization));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], destination.ToArray().Take(4));
    }

    [Fact]
    public async Task An_expired_url_is_refreshed_once_and_the_bytes_arrive()
    {
        var time = new ManualTimeProvider();
        await using var sim = await Simulated.StartAsync(
            server: o => { o.TimeProvider = time; o.OutputUrlLifetime = TimeSpan.FromMinutes(60); },
            client: o => { o.TimeProvider = time; o.Timeout = Timeout.InfiniteTimeSpan; });
        var created = await sim.Client.Generations.CreateAsync(GenerationRequest.CreateImage("a fox"));
        var done = await sim.RunAsync(time, sim.Client.Generations.WaitForCompletionAsync(created));
        time.Advance(TimeSpan.FromMinutes(61));
        sim.Server.ClearRequests();
        using var destination = new MemoryStream();

        await sim.Client.Generations.DownloadAsync(done, 0, destination);

        Assert.Equal(
            [(RouteKind.Download, 403), (RouteKind.Get, 200), (RouteKind.Download, 200)],
            sim.Server.Requests.Select(r => (r.RouteKind, r.StatusCode ?? 0)));
        Assert.True(destination.Length > 8);
    }

    [Fact]
    public async Task Outputs_are_saved_with_names_from_id_index_and_content_type_and_never_overwritten()
    {
        await using var sim = await Simulated.StartAsync();
        var image = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), new WaitOptions { InitialDelay = TimeSpan.Zero });
        var video = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateVideo("waves"), new WaitOptions { InitialDelay = TimeSpan.Zero });

        var first = await sim.Client.Generations.SaveOutputsAsync(image, _folder);
        File.WriteAllText(first[0], "mine");
        var second = await sim.Client.Generations.SaveOutputsAsync(image, _folder);
        var videoFiles = await sim.Client.Generations.SaveOutputsAsync(video, _folder);

        Assert.Equal(Path.Combine(_folder, image.Id + "_0.png"), Assert.Single(first));
        Assert.Equal(Path.Combine(_folder, image.Id + "_0-2.png"), Assert.Single(second));
        Assert.Equal("mine", File.ReadAllText(first[0]));
        Assert.Equal(Path.Combine(_folder, video.Id + "_0.mp4"), Assert.Single(videoFiles));
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
    }

    [Fact]
    public async Task One_output_is_saved_by_index_named_like_the_whole_set_and_an_index_out_of_range_saves_nothing()
    {
        await using var sim = await Simulated.StartAsync();
        var source = sim.Server.SeedFile();
        var layers = await sim.Client.Generations.CreateAndWaitAsync(
            new GenerationRequest { Type = GenerationType.Layering, Source = ImageRef.FromFileId(source) }, new WaitOptions { InitialDelay = TimeSpan.Zero });
        var last = layers.Output.Count - 1;

        var file = await sim.Client.Generations.SaveOutputAsync(layers, last, _folder);
        var error = await Assert.ThrowsAsync<LumaValidationException>(() => sim.Client.Generations.SaveOutputAsync(layers, layers.Output.Count, _folder));

        Assert.Equal(Path.Combine(_folder, layers.Id + "_" + last + ".png"), file);
        Assert.Equal([file], Directory.GetFiles(_folder));
        Assert.Contains("out of range", error.Message);
    }

    [Fact]
    public async Task Layering_outputs_are_each_saved()
    {
        await using var sim = await Simulated.StartAsync();
        var source = sim.Server.SeedFile();
        var layers = await sim.Client.Generations.CreateAndWaitAsync(
            new GenerationRequest { Type = GenerationType.Layering, Source = ImageRef.FromFileId(source) }, new WaitOptions { InitialDelay = TimeSpan.Zero });

        var files = await sim.Client.Generations.SaveOutputsAsync(layers, _folder);

        Assert.Equal(layers.Output.Count, files.Count);
        Assert.True(files.Count > 1);
        Assert.Equal(files.Count, files.Distinct().Count());
    }

    [Fact]
    public async Task A_hostile_id_from_the_server_cannot_escape_the_folder()
    {
        await using var sim = await Simulated.StartAsync();
        var real = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), new WaitOptions { InitialDelay = TimeSpan.Zero });
        var hostile = real with { Id = "../../etc/passwd" };

        var file = Assert.Single(await sim.Client.Generations.SaveOutputsAsync(hostile, _folder));

        Assert.Equal(Path.GetFullPath(_folder), Path.GetDirectoryName(file));
        Assert.Equal("______etc_passwd_0.png", Path.GetFileName(file));
    }

    [Fact]
    public async Task Download_errors_name_the_host_and_path_but_never_the_signature()
    {
        await using var sim = await Simulated.StartAsync(client: o => o.Retry.BaseDelay = TimeSpan.Zero);
        var done = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), new WaitOptions { InitialDelay = TimeSpan.Zero });
        sim.Server.Faults.Add(FakeRoute.Download, FakeFault.Respond(500, "<Error>InternalError</Error>", "application/xml"), times: 3);

        var error = await Assert.ThrowsAsync<LumaDownloadException>(() => sim.Client.Generations.SaveOutputsAsync(done, _folder));

        Assert.Equal(500, (int)error.StatusCode!);
        Assert.Equal(done.Id, error.GenerationId);
        Assert.Contains(done.Output[0].Url!.AbsolutePath, error.Message);
        Assert.DoesNotContain("Signature", error.ToString());
        Assert.DoesNotContain(done.Output[0].Url!.Query, error.ToString());
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Transient_storage_failures_are_retried()
    {
        await using var sim = await Simulated.StartAsync(client: o => o.Retry.BaseDelay = TimeSpan.Zero);
        var done = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), new WaitOptions { InitialDelay = TimeSpan.Zero });
        sim.Server.Faults.Add(FakeRoute.Download, FakeFault.Respond(503), times: 2);
        using var destination = new MemoryStream();

        await sim.Client.Generations.DownloadAsync(done, 0, destination);

        Assert.Equal(3, sim.Server.Requests.Count(r => r.RouteKind == RouteKind.Download));
        Assert.True(destination.Length > 0);
    }

    [Fact]
    public async Task Only_completed_generations_and_existing_outputs_can_be_downloaded()
    {
        await using var sim = await Simulated.StartAsync();
        var done = await sim.Client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), new WaitOptions { InitialDelay = TimeSpan.Zero });
        using var destination = new MemoryStream();

        var running = await Assert.ThrowsAsync<LumaValidationException>(
            () => sim.Client.Generations.DownloadAsync(done with { State = GenerationState.Processing }, 0, destination));
        var failed = await Assert.ThrowsAsync<LumaValidationException>(
            () => sim.Client.Generations.DownloadAsync(done with { State = GenerationState.Failed, FailureCode = FailureCode.ContentModerated }, 0, destination));
        var index = await Assert.ThrowsAsync<LumaValidationException>(() => sim.Client.Generations.DownloadAsync(done, 1, destination));

        Assert.Contains("WaitForCompletionAsync", running.Message);
        Assert.Contains("content_moderated", failed.Message);
        Assert.Contains("has 1 output", index.Message);
        Assert.Equal("output_index", Assert.Single(index.Errors).Path);
        Assert.DoesNotContain(sim.Server.Requests, r => r.RouteKind == RouteKind.Download);
    }
}
