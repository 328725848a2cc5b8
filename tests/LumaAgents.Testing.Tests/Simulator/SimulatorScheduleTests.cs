using System.Text.Json;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorScheduleTests
{
    [Fact]
    public async Task State_follows_the_clock_from_queued_to_processing_to_completed()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = clock,
            QueuedFor = TimeSpan.FromSeconds(2),
            ProcessingFor = TimeSpan.FromSeconds(10),
        });
        using HttpClient client = Client(server);
        string id = (await CreateGenerationAsync(client)).GetProperty("id").GetString()!;

        var seen = new List<string>();
        foreach (TimeSpan step in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(9.9), TimeSpan.FromSeconds(0.1) })
        {
            clock.Advance(step);
            seen.Add((await GetGenerationAsync(client, id)).GetProperty("state").GetString()!);
        }

        Assert.Equal(["queued", "queued", "processing", "processing", "completed"], seen);
        JsonElement done = await GetGenerationAsync(client, id);
        JsonElement output = Assert.Single(done.GetProperty("output").EnumerateArray());
        Assert.Equal("image", output.GetProperty("type").GetString());
        Assert.StartsWith($"{server.BaseUrl.Scheme}://{server.BaseUrl.Authority}/outputs/{id}/0.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&", output.GetProperty("url").GetString());
        Assert.Equal("completed", server.GetGeneration(id)!.State);
        Assert.Equal(Start.AddSeconds(12), server.GetGeneration(id)!.FinishedAt);
    }

    [Fact]
    public async Task A_fail_marker_in_the_prompt_fails_the_generation_with_that_code_and_a_realistic_reason()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        string id = (await CreateGenerationAsync(client, """{"prompt":"something [fail:content_moderated] here"}""")).GetProperty("id").GetString()!;

        clock.Advance(TimeSpan.FromSeconds(4));
        JsonElement failed = await GetGenerationAsync(client, id);

        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Equal("content_moderated", failed.GetProperty("failure_code").GetString());
        Assert.Equal(FakeLumaServerDetails.FailureReasonFor("content_moderated"), failed.GetProperty("failure_reason").GetString());
        Assert.Contains("moderation", failed.GetProperty("failure_reason").GetString());
        Assert.Equal(0, failed.GetProperty("output").GetArrayLength());
    }

    [Fact]
    public async Task The_outcome_selector_can_script_unknown_states_and_failures_per_request()
    {
        var clock = new ManualTimeProvider(Start);
        var contexts = new List<FakeGenerationContext>();
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            TimeProvider = clock,
            OutcomeSelector = context =>
            {
                contexts.Add(context);
                return context.SequenceNumber switch
                {
                    1 => FakeOutcome.Sequence([new("pending", TimeSpan.FromSeconds(5)), new("completed", TimeSpan.Zero)]),
                    2 => FakeOutcome.Failed("brand_new_code", "Something new.", TimeSpan.Zero, TimeSpan.FromSeconds(1)),
                    _ => null,
                };
            },
        });
        using HttpClient client = Client(server);

        JsonElement first = await CreateGenerationAsync(client, """{"prompt":"one","model":"uni-1-max"}""");
        JsonElement second = await CreateGenerationAsync(client, """{"prompt":"two"}""");
        JsonElement third = await CreateGenerationAsync(client, """{"prompt":"three [fail:generation_failed]"}""");
        clock.Advance(TimeSpan.FromSeconds(1));
        string firstLater = (await GetGenerationAsync(client, first.GetProperty("id").GetString()!)).GetProperty("state").GetString()!;
        JsonElement secondLater = await GetGenerationAsync(client, second.GetProperty("id").GetString()!);
        clock.Advance(TimeSpan.FromSeconds(4));
        string firstDone = (await GetGenerationAsync(client, first.GetProperty("id").GetString()!)).GetProperty("state").GetString()!;
        string thirdDone = (await GetGenerationAsync(client, third.GetProperty("id").GetString()!)).GetProperty("failure_code").GetString()!;

        Assert.Equal("pending", first.GetProperty("state").GetString());
        Assert.Equal("pending", firstLater);
        Assert.Equal("completed", firstDone);
        Assert.Equal("failed", secondLater.GetProperty("state").GetString());
        Assert.Equal("brand_new_code", secondLater.GetProperty("failure_code").GetString());
        Assert.Equal("Something new.", secondLater.GetProperty("failure_reason").GetString());
        Assert.Equal("generation_failed", thirdDone);
        Assert.Equal(["one", "two", "three [fail:generation_failed]"], contexts.Select(c => c.Prompt));
        Assert.Equal("uni-1-max", contexts[0].Model);
        Assert.Equal("one", contexts[0].RequestBody["prompt"]!.GetValue<string>());
        Assert.Equal("failed", contexts[2].DefaultOutcome.FinalState);
    }

    [Fact]
    public async Task Layering_completes_with_three_layers_and_video_types_with_a_video_output()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);
        string layering = (await CreateGenerationAsync(client, """{"type":"layering","source":{"url":"https://example.com/poster.png"},"layering":{"resolution":"2k"}}""")).GetProperty("id").GetString()!;
        string video = (await CreateGenerationAsync(client, """{"prompt":"waves","type":"video","model":"ray-3.2","video":{"duration":"5s"}}""")).GetProperty("id").GetString()!;

        clock.Advance(TimeSpan.FromSeconds(4));
        JsonElement[] layers = [.. (await GetGenerationAsync(client, layering)).GetProperty("output").EnumerateArray()];
        JsonElement videoOutput = Assert.Single((await GetGenerationAsync(client, video)).GetProperty("output").EnumerateArray());

        Assert.Equal(3, layers.Length);
        Assert.Equal([0, 1, 2], layers.Select(l => l.GetProperty("layer").GetProperty("index").GetInt32()));
        Assert.All(layers, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("layer").GetProperty("label").GetString())));
        Assert.All(layers, l => Assert.True(l.GetProperty("layer").TryGetProperty("alpha_hint", out _)));
        Assert.Equal("video", videoOutput.GetProperty("type").GetString());
        Assert.Contains("/0.mp4?", videoOutput.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("5b0c5f6e-8f1a-4a59-9d3e-2a8a1d3f9c11")]
    public async Task Unknown_or_malformed_ids_answer_404_generation_not_found(string id)
    {
        await using var server = await FakeLumaServer.StartAsync();
        using HttpClient client = Client(server);

        using HttpResponseMessage response = await client.GetAsync($"generations/{id}");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(FakeLumaServerDetails.GenerationNotFound, await ReadDetailAsync(response));
        Assert.Null(server.GetGeneration(id));
    }

    [Fact]
    public async Task Seeded_generations_can_be_read_in_any_state_and_from_any_time()
    {
        var clock = new ManualTimeProvider(Start);
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock });
        using HttpClient client = Client(server);

        string done = server.SeedGeneration();
        string stuck = server.SeedGeneration(FakeOutcome.InState("processing"), Start.AddDays(-1), type: "video");
        string failed = server.SeedGeneration(FakeOutcome.Failed("budget_exhausted"), Start.AddMinutes(-5));
        string chosen = server.SeedGeneration(id: "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE");

        Assert.Equal("completed", (await GetGenerationAsync(client, done)).GetProperty("state").GetString());
        JsonElement stuckJson = await GetGenerationAsync(client, stuck);
        Assert.Equal("processing", stuckJson.GetProperty("state").GetString());
        Assert.Equal("2026-04-07T12:00:00Z", stuckJson.GetProperty("created_at").GetString());
        Assert.Equal("ray-3.2", stuckJson.GetProperty("model").GetString());
        Assert.Equal("budget_exhausted", (await GetGenerationAsync(client, failed)).GetProperty("failure_code").GetString());
        Assert.Equal("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", chosen);
        Assert.All(server.Generations, g => Assert.True(g.IsSeeded));
        Assert.Throws<ArgumentException>(() => server.SeedGeneration(id: "nope"));
    }
}
