using System.Text.Json;
using LumaAgents.Serialization;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Models;

/// <summary>
/// A response never loses a whole Generation over one odd member (issue 10, findings 9; reference §3 "Tolerance"):
/// what parses is kept, what does not is kept raw under its JSON name, and nothing is written back that was not there.
/// </summary>
public sealed class TolerantReadingTests
{
    [Fact]
    public void Null_model_state_and_type_read_as_unset_and_are_written_back_absent()
    {
        const string body = """{"id":"g","model":null,"type":null,"state":null,"failure_code":null,"output":[]}""";

        var generation = LumaJson.DeserializeGeneration(body);

        Assert.Equal(default, generation.Model);
        Assert.Equal(string.Empty, generation.Type.Value);
        Assert.False(generation.State.IsKnown);
        Assert.False(generation.IsTerminal);
        Assert.Null(generation.AdditionalProperties);
        Assert.Equal("""{"id":"g","output":[]}""", LumaJson.Serialize(generation));
    }

    [Fact]
    public void Missing_members_are_not_invented_on_write()
    {
        var generation = LumaJson.DeserializeGeneration("""{"state":"queued"}""");

        Assert.Equal(string.Empty, generation.Id);
        Assert.Empty(generation.Output);
        Assert.Equal("""{"state":"queued"}""", LumaJson.Serialize(generation));
        Assert.Equal("{}", LumaJson.Serialize(new Generation()));
    }

    [Theory]
    [InlineData("2026-04-08T12:00:00Z", "2026-04-08T12:00:00.0000000+00:00")]
    [InlineData("2026-04-08 12:00:00", "2026-04-08T12:00:00.0000000+00:00")]
    [InlineData("2026-04-08T12:00:00", "2026-04-08T12:00:00.0000000+00:00")]
    [InlineData("2026-04-08 12:00:00.25", "2026-04-08T12:00:00.2500000+00:00")]
    [InlineData("2026-04-08T12:00:00.123456789Z", "2026-04-08T12:00:00.1234567+00:00")]
    [InlineData("2026-04-08T12:00:00+02:00", "2026-04-08T12:00:00.0000000+02:00")]
    [InlineData("2026-04-08 12:00:00+0200", "2026-04-08T12:00:00.0000000+02:00")]
    [InlineData("2026-04-08T12:00:00.5-05", "2026-04-08T12:00:00.5000000-05:00")]
    [InlineData("2026-04-08T12:00Z", "2026-04-08T12:00:00.0000000+00:00")]
    [InlineData("2026-04-08", "2026-04-08T00:00:00.0000000+00:00")]
    [InlineData("2026-04-08T12:00:00\\u002B02:00", "2026-04-08T12:00:00.0000000+02:00")]
    public void Iso_8601_timestamps_are_read_with_or_without_t_fraction_or_offset(string text, string expected)
    {
        var generation = LumaJson.DeserializeGeneration($$"""{"id":"g","created_at":"{{text}}"}""");

        Assert.Equal(expected, generation.CreatedAt!.Value.ToString("O"));
        Assert.Null(generation.AdditionalProperties);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2026-13-45T99:00:00Z\"")]
    [InlineData("1712577600")]
    [InlineData("{\"seconds\":1712577600}")]
    public void An_unreadable_timestamp_leaves_created_at_null_and_keeps_the_raw_value(string raw)
    {
        var body = $$"""{"id":"g","created_at":{{raw}},"state":"completed"}""";

        var generation = LumaJson.DeserializeGeneration(body);

        Assert.Null(generation.CreatedAt);
        Assert.Equal(GenerationState.Completed, generation.State);
        Assert.Equal(raw, generation.AdditionalProperties!["created_at"].GetRawText());
        Assert.Equal(body, LumaJson.Serialize(generation));
    }

    [Fact]
    public void Values_of_unexpected_json_types_are_kept_raw_under_their_names()
    {
        const string body = """
            {"id":42,"created_at":"2026-04-08T12:00:00Z","model":7,"type":["image"],"state":{"name":"completed"},
             "failure_code":false,"failure_reason":["a","b"],"output":{"type":"image"}}
            """;

        var generation = LumaJson.DeserializeGeneration(body);

        Assert.Equal(string.Empty, generation.Id);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), generation.CreatedAt);
        Assert.Equal(default, generation.Model);
        Assert.Equal(default, generation.State);
        Assert.Null(generation.FailureCode);
        Assert.Null(generation.FailureReason);
        Assert.Empty(generation.Output);
        var extra = generation.AdditionalProperties!;
        Assert.Equal(42, extra["id"].GetInt32());
        Assert.Equal(7, extra["model"].GetInt32());
        Assert.Equal(JsonValueKind.Array, extra["type"].ValueKind);
        Assert.Equal("completed", extra["state"].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.False, extra["failure_code"].ValueKind);
        Assert.Equal(2, extra["failure_reason"].GetArrayLength());
        Assert.Equal("image", extra["output"].GetProperty("type").GetString());
        JsonAssert.RoundTrips(body, LumaJson.Serialize(generation));
    }

    [Fact]
    public void An_output_array_with_odd_entries_keeps_the_readable_ones_and_the_raw_array()
    {
        const string body = """{"id":"g","state":"completed","output":[1,{"type":"image","url":"https://cdn.example.com/a.png"},null]}""";

        var generation = LumaJson.DeserializeGeneration(body);

        var output = Assert.Single(generation.Output);
        Assert.Equal("https://cdn.example.com/a.png", output.Url!.OriginalString);
        Assert.Equal(3, generation.AdditionalProperties!["output"].GetArrayLength());
        Assert.Equal(body, LumaJson.Serialize(generation));
    }

    [Fact]
    public void Odd_members_of_nested_models_are_kept_raw_on_the_nested_model()
    {
        const string body = """
            {"id":"g","state":"completed","output":[
              {"type":3,"url":"not a url","layer":"flat"},
              {"type":"image","url":"https://cdn.example.com/b.png","layer":{"index":"first","label":"sky","alpha_hint":"soft"}}]}
            """;

        var generation = LumaJson.DeserializeGeneration(body);

        var first = generation.Output[0];
        Assert.Equal(default, first.Type);
        Assert.Null(first.Url);
        Assert.Null(first.Layer);
        Assert.Equal(3, first.AdditionalProperties!["type"].GetInt32());
        Assert.Equal("not a url", first.AdditionalProperties["url"].GetString());
        Assert.Equal("flat", first.AdditionalProperties["layer"].GetString());
        var layer = generation.Output[1].Layer!;
        Assert.Null(layer.Index);
        Assert.Equal("sky", layer.Label);
        Assert.Equal("first", layer.AdditionalProperties!["index"].GetString());
        JsonAssert.RoundTrips(body, LumaJson.Serialize(generation));
    }

    [Fact]
    public void Only_a_body_that_is_not_a_json_object_is_an_error()
    {
        Assert.Throws<JsonException>(() => LumaJson.DeserializeGeneration("[1,2]"));
        Assert.Throws<JsonException>(() => LumaJson.DeserializeGeneration("\"completed\""));
        Assert.Throws<JsonException>(() => LumaJson.DeserializeGeneration("""{"id":"g","state":"""));
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("dreaming")]
    public void Proxy_states_pending_and_dreaming_count_as_running(string state)
    {
        var generation = LumaJson.DeserializeGeneration($$"""{"id":"g","state":"{{state}}"}""");

        Assert.Equal(state, generation.State.Value);
        Assert.False(generation.IsTerminal);
        Assert.False(generation.IsCompleted);
        Assert.False(generation.IsFailed);
    }

    [Fact]
    public void The_dream_machine_shape_surfaces_its_assets_as_outputs()
    {
        var generation = LumaJson.DeserializeGeneration(LegacySamples.DreamMachine);

        Assert.Equal("9a1c2f0e-5b7d-4e0a-8c3f-1d2e3f4a5b6c", generation.Id);
        Assert.True(generation.IsCompleted);
        Assert.Equal(new DateTimeOffset(2024, 11, 2, 10, 15, 30, 123, TimeSpan.Zero), generation.CreatedAt);
        Assert.Equal("ray-2", generation.Model.Value);
        Assert.Collection(
            generation.Output,
            video =>
            {
                Assert.Equal(GenerationOutputType.Video, video.Type);
                Assert.Equal("https://storage.cdn-luma.com/dream_machine/9a1c2f0e/video.mp4", video.Url!.OriginalString);
            },
            image =>
            {
                Assert.Equal(GenerationOutputType.Image, image.Type);
                Assert.Equal("https://storage.cdn-luma.com/dream_machine/9a1c2f0e/thumb.jpg", image.Url!.OriginalString);
            });
        Assert.Equal(JsonValueKind.Object, generation.AdditionalProperties!["assets"].ValueKind);
        Assert.Equal("video", generation.AdditionalProperties["generation_type"].GetString());
        JsonAssert.RoundTrips(LegacySamples.DreamMachine, LumaJson.Serialize(generation));
    }

    [Fact]
    public void The_kkiai_shape_surfaces_its_video_object_and_keeps_the_rest_raw()
    {
        var generation = LumaJson.DeserializeGeneration(LegacySamples.Kkiai);

        Assert.True(generation.IsCompleted);
        Assert.Equal(new DateTimeOffset(2024, 12, 22, 13, 38, 40, 139, TimeSpan.Zero), generation.CreatedAt);
        var output = Assert.Single(generation.Output);
        Assert.Equal(GenerationOutputType.Video, output.Type);
        Assert.EndsWith("/video0b6619468da8e409da860706bbf26bbad.mp4", output.Url!.AbsolutePath);
        var extra = generation.AdditionalProperties!;
        Assert.Equal(new[] { "artifact", "last_frame", "request", "thumbnail", "video", "video_raw" }, extra.Keys.Order().ToArray());
        JsonAssert.RoundTrips(LegacySamples.Kkiai, LumaJson.Serialize(generation));
    }

    [Fact]
    public void A_legacy_media_object_without_url_uses_its_download_url()
    {
        var generation = LumaJson.DeserializeGeneration(
            """{"id":"g","state":"completed","image":{"download_url":"https://cdn.example.com/i.png","width":1}}""");

        var output = Assert.Single(generation.Output);
        Assert.Equal(GenerationOutputType.Image, output.Type);
        Assert.Equal("https://cdn.example.com/i.png", output.Url!.OriginalString);
    }

    [Fact]
    public void Legacy_shapes_are_ignored_when_the_response_has_an_output()
    {
        var generation = LumaJson.DeserializeGeneration(
            """{"id":"g","state":"completed","output":[],"assets":{"video":"https://cdn.example.com/v.mp4"}}""");

        Assert.Empty(generation.Output);
    }

    [Fact]
    public void Outputs_set_by_the_caller_over_derived_ones_are_written()
    {
        var generation = LumaJson.DeserializeGeneration("""{"id":"g","assets":{"image":"https://cdn.example.com/i.png"}}""");

        generation.Output = [new GenerationOutput { Type = GenerationOutputType.Image, Url = new Uri("https://cdn.example.com/j.png") }];

        Assert.Equal(
            """{"id":"g","output":[{"type":"image","url":"https://cdn.example.com/j.png"}],"assets":{"image":"https://cdn.example.com/i.png"}}""",
            LumaJson.Serialize(generation));
    }

    [Fact]
    public async Task The_client_reads_an_odd_generation_and_sends_a_request_with_a_replacing_entry_once()
    {
        // The whole path: the pipeline reads and writes through the same converters as LumaJson.
        var handler = new StubHandler(System.Net.HttpStatusCode.Created, """{"id":"g","model":null,"state":"pending","created_at":"2026-04-08 12:00:00"}""");
        using var client = TestClients.WithHandler(handler);
        var request = GenerationRequest.CreateImage("p", AspectRatio.Ratio16x9) with
        {
            AdditionalProperties = new Dictionary<string, JsonElement> { ["aspect_ratio"] = JsonDocument.Parse("null").RootElement.Clone() },
        };

        var generation = await client.Generations.CreateAsync(request);

        Assert.Equal("pending", generation.State.Value);
        Assert.Equal(default, generation.Model);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), generation.CreatedAt);
        Assert.Equal("""{"prompt":"p","type":"image","aspect_ratio":null}""", Assert.Single(handler.Calls).Body);
    }
}
