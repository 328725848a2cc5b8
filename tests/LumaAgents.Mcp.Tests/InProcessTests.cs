using System.Text.Json.Nodes;
using LumaAgents.Mcp.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Mcp.Tests;

/// <summary>
/// The server's tools hosted in the test process against a simulator the test scripts: deadlines and polling in
/// virtual time, rate limits, unknown outcomes, faults after a job was created, and what reaches the API.
/// </summary>
public sealed class InProcessTests
{
    [Fact]
    public async Task A_wait_that_times_out_returns_the_last_state_says_the_job_is_still_running_and_is_not_an_error()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock);
        var id = server.Simulator.SeedGeneration(FakeOutcome.InState("pending"));
        var started = clock.GetUtcNow();

        var result = await server.CallAsync("wait_for_generation", Args.Of(("generation_id", id), ("timeout_seconds", 30)));

        Assert.NotEqual(true, result.IsError);
        var waited = Results.Structured(result, server.Tool("wait_for_generation"));
        Assert.True(waited["timed_out"]!.GetValue<bool>());
        Assert.Equal("pending", waited.Get("state"));
        Assert.True(waited["running"]!.GetValue<bool>());
        Assert.Contains("Call wait_for_generation", waited.Get("next_step"));
        Assert.Equal(30, waited["waited_seconds"]!.GetValue<double>());
        Assert.Equal(TimeSpan.FromSeconds(30), clock.GetUtcNow() - started);
    }

    [Fact]
    public async Task Without_timeout_seconds_a_wait_uses_the_SDK_default_deadline_of_the_model()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock);
        var id = server.Simulator.SeedGeneration(FakeOutcome.InState("processing"), type: "video");

        var result = await server.CallAsync("wait_for_generation", Args.Of(("generation_id", id)));

        var waited = Results.Structured(result);
        Assert.True(waited["timed_out"]!.GetValue<bool>());
        Assert.Equal(new LumaClientOptions().VideoWait.Timeout!.Value.TotalSeconds, waited["waited_seconds"]!.GetValue<double>());
        Assert.Contains("video usually takes", waited.Get("next_step"));
    }

    [Fact]
    public async Task Unknown_states_count_as_running()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        var id = server.Simulator.SeedGeneration(FakeOutcome.InState("dreaming"));

        var generation = Results.Structured(await server.CallAsync("get_generation", Args.Of(("generation_id", id))), server.Tool("get_generation"));

        Assert.Equal("dreaming", generation.Get("state"));
        Assert.True(generation["running"]!.GetValue<bool>());
        Assert.Contains("wait_for_generation", generation.Get("next_step"));
    }

    [Fact]
    public async Task Progress_names_each_state_once_in_order_as_the_SDK_default_polling_sees_it()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock);
        var id = server.Simulator.SeedGeneration(
            FakeOutcome.Sequence([new FakeStateStep("queued", TimeSpan.FromSeconds(10)), new FakeStateStep("processing", TimeSpan.FromSeconds(20)), new FakeStateStep("completed", TimeSpan.Zero)]));
        await using var progress = new ProgressLog(server.Client);
        progress.About(id);

        var result = await server.CallAsync("wait_for_generation", Args.Of(("generation_id", id)), progress.Token);

        Assert.Equal("completed", Results.Structured(result).Get("state"));
        await progress.WaitForAsync("completed");

        // The SDK's image defaults: the first read at once (a wait by id), the next 20 s after creation, then every 2 s.
        Assert.Equal(
            [$"Generation {id} is queued (0 s)", $"Generation {id} is processing (20 s)", $"Generation {id} is completed (30 s)"],
            progress.Messages);
        Assert.Equal([1f, 2f, 3f], progress.Values.Select(v => v.Progress));
    }

    [Fact]
    public async Task A_client_that_cancels_the_wait_stops_the_polling()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock);
        var id = server.Simulator.SeedGeneration(FakeOutcome.InState("processing"));
        using var cancel = new CancellationTokenSource();

        var call = server.Client.CallToolAsync("wait_for_generation", Args.Of(("generation_id", id)), cancellationToken: cancel.Token).AsTask();
        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(20));
        await clock.WaitForTimersAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await WaitUntilAsync(() => clock.PendingTimers == 0 && server.Logs.Contains("cancelled by the client", StringComparison.Ordinal));
        var polls = server.Gets.Count;
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(polls, server.Gets.Count);
    }

    [Fact]
    public async Task A_rate_limited_create_is_reported_at_once_with_the_wait()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock, s => s.RequestsPerMinute = 1);
        Results.Structured(await server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "first"))));
        var before = clock.GetUtcNow();

        var result = await server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "second")));

        var error = Results.Error(result);
        Assert.Equal("rate_limited", error.Get("kind"));
        Assert.Equal(429, error["status"]!.GetValue<int>());
        Assert.Equal("requests_per_minute", error.Get("rate_limit_kind"));
        Assert.True(error["retry_after_seconds"]!.GetValue<double>() > 0);
        Assert.StartsWith("Wait ", error.Get("what_to_do"));
        Assert.Equal(before, clock.GetUtcNow());
        Assert.Equal(2, server.Creates.Count);
    }

    [Fact]
    public async Task Too_many_running_jobs_is_reported_with_the_advice_to_wait_for_one()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider(), s =>
        {
            s.MaxConcurrentJobs = 1;
            s.ProcessingFor = TimeSpan.FromMinutes(5);
        });
        Results.Structured(await server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "first"))));

        var error = Results.Error(await server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "second"))));

        Assert.Equal("concurrent_jobs", error.Get("rate_limit_kind"));
        Assert.Contains("running generations has finished", error.Get("what_to_do"));
    }

    [Fact]
    public async Task A_create_whose_outcome_is_unknown_says_the_job_may_exist_and_is_not_retried()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        server.Simulator.Faults.Add(FakeRoute.Create, FakeFault.ProcessThenRespond(500));

        var result = await server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "a bridge")));

        var error = Results.Error(result);
        Assert.Equal("server_error", error.Get("kind"));
        Assert.True(error["generation_may_exist"]!.GetValue<bool>());
        Assert.Contains("Do not simply call create again", error.Get("what_to_do"));
        Assert.False(string.IsNullOrEmpty(error.Get("request_id")));
        Assert.Single(server.Creates);
        Assert.Single(server.Simulator.Generations);
    }

    [Fact]
    public async Task An_invalid_request_sends_nothing()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var result = await server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "a manga hero"), ("style", "manga"), ("aspect_ratio", "16:9")));

        Assert.Equal("style", Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!["path"]!.GetValue<string>());
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task A_local_file_is_sent_inline_as_base64_with_its_media_type()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        server.Folder.WriteFile("frame.png", Args.Png);

        var result = await server.Client.CallToolAsync(
            "create_generation",
            Args.Of(("prompt", "a wave"), ("type", "video"), ("model", "ray-3.2"), ("video", new { start_frame = new { path = "frame.png" }, resolution = "540p" })));

        Results.Structured(result, server.Tool("create_generation"));
        var body = JsonNode.Parse(Assert.Single(server.Creates).Body)!;
        Assert.Equal(Convert.ToBase64String(Args.Png), body["video"]!["start_frame"]!["data"]!.GetValue<string>());
        Assert.Equal("image/png", body["video"]!["start_frame"]!["media_type"]!.GetValue<string>());
        Assert.Null(body["video"]!["start_frame"]!["path"]);
        Assert.Equal("540p", body["video"]!["resolution"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_media_reference_kind_reaches_the_API_in_its_own_field()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());
        var previous = server.Simulator.SeedGeneration(type: "video");

        var result = await server.Client.CallToolAsync(
            "create_generation",
            Args.Of(
                ("prompt", "extend it"),
                ("type", "video_edit"),
                ("model", "ray-3.2"),
                ("source", new { url = "https://example.com/clip.mp4" }),
                ("video", new { edit = new { strength = "flex_2", keyframes = new object[] { new { generation_id = previous } }, keyframe_indexes = new[] { 0 } } })));

        Results.Structured(result);
        var body = JsonNode.Parse(Assert.Single(server.Creates).Body)!;
        Assert.Equal("https://example.com/clip.mp4", body["source"]!["url"]!.GetValue<string>());
        Assert.Equal("video/mp4", body["source"]!["media_type"]!.GetValue<string>());
        Assert.Equal(previous, body["video"]!["edit"]!["keyframes"]![0]!["generation_id"]!.GetValue<string>());
        Assert.Equal("flex_2", body["video"]!["edit"]!["strength"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_media_reference_with_two_sources_is_refused_with_its_path()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var result = await server.Client.CallToolAsync(
            "create_generation",
            Args.Of(("prompt", "x"), ("image_ref", new object[] { new { url = "https://example.com/a.png" }, new { url = "https://example.com/b.png", file_id = "f" } })));

        var problem = Assert.Single(Results.Error(result)["validation_errors"]!.AsArray())!;
        Assert.Equal("image_ref[1]", problem["path"]!.GetValue<string>());
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task Generate_refuses_a_bad_output_folder_before_anything_is_billed()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var result = await server.Client.CallToolAsync("generate", Args.Of(("prompt", "a boat"), ("directory", "../elsewhere")));

        Assert.Equal("invalid_arguments", Results.Kind(result));
        Assert.Empty(server.Simulator.Requests);
    }

    [Fact]
    public async Task Generate_that_times_out_keeps_the_id_and_says_how_to_resume()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(clock, s => s.OutcomeSelector = _ => FakeOutcome.InState("processing"));

        var result = await server.CallAsync("generate", Args.Of(("prompt", "a long film"), ("timeout_seconds", 45)));

        Assert.NotEqual(true, result.IsError);
        var generated = Results.Structured(result, server.Tool("generate"));
        Assert.Equal(server.Simulator.Generations.Single().Id, generated.Get("id"));
        Assert.True(generated["timed_out"]!.GetValue<bool>());
        Assert.Empty(generated["files"]!.AsArray());
        Assert.Contains(generated.Get("id"), generated.Get("next_step"));
        Assert.Contains("wait_for_generation", generated.Get("next_step"));
        Assert.Contains("download_outputs", generated.Get("next_step"));
    }

    [Fact]
    public async Task Generate_whose_generation_fails_is_an_error_that_keeps_the_id()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var result = await server.CallAsync("generate", Args.Of(("prompt", "a cat [fail:generation_failed]")));

        Assert.Equal("generation_failed", Results.Kind(result));
        var structured = Results.Structured(result);
        Assert.Equal(server.Simulator.Generations.Single().Id, structured.Get("generation_id"));
        Assert.True(structured["generation"]!["retry_may_help"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Generate_whose_download_fails_keeps_the_id_and_says_to_call_download_outputs()
    {
        await using var server = await InProcessServer.StartAsync();
        server.Simulator.Faults.Add(FakeRoute.Download, FakeFault.Respond(500, "storage is down"), times: 20);

        var result = await server.CallAsync("generate", Args.Of(("prompt", "a lantern")));

        var error = Results.Error(result);
        Assert.True(error.Get("kind") == "download_failed", Results.Text(result));
        var id = server.Simulator.Generations.Single().Id;
        Assert.Equal(id, Results.Structured(result).Get("generation_id"));
        Assert.Contains($"download_outputs with generation_id \"{id}\"", error.Get("what_to_do"));
        Assert.Empty(Directory.GetFiles(server.Folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Logs_name_a_created_job_so_its_id_survives_a_client_that_hangs_up()
    {
        await using var server = await InProcessServer.StartAsync(new ManualTimeProvider());

        var id = Results.Structured(await server.Client.CallToolAsync("create_generation", Args.Of(("prompt", "a hill")))).Get("id");

        Assert.Contains($"Created generation {id}", server.Logs);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "The condition did not become true (10 s hang guard).");
            await Task.Delay(5);
        }
    }
}
