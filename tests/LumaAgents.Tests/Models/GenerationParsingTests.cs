using System.Text.Json;
using LumaAgents.Serialization;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Models;

/// <summary>Responses parse into Generation, keeping what the SDK does not know (reference §3).</summary>
public sealed class GenerationParsingTests
{
    [Fact]
    public void Unknown_state_model_type_and_extra_field_are_all_kept()
    {
        var generation = LumaJson.DeserializeGeneration(
            """{"id":"g1","state":"pending","model":"ray-4","type":"new_type","brand_new_field":1}""");

        Assert.Equal("pending", generation.State.Value);
        Assert.False(generation.State.IsKnown);
        Assert.Equal("ray-4", generation.Model.Value);
        Assert.False(generation.Model.IsKnown);
        Assert.Equal("new_type", generation.Type.Value);
        Assert.Equal(1, generation.AdditionalProperties!["brand_new_field"].GetInt32());
        Assert.False(generation.IsTerminal);
        Assert.Null(generation.CreatedAt);
        Assert.Empty(generation.Output);
    }

    [Fact]
    public void Completed_generation_parses_every_documented_field()
    {
        var generation = LumaJson.DeserializeGeneration(Samples.Completed);

        Assert.Equal(Samples.GenerationId, generation.Id);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), generation.CreatedAt);
        Assert.Equal(GenerationModel.Uni1, generation.Model);
        Assert.Equal(GenerationType.Image, generation.Type);
        Assert.Equal(GenerationState.Completed, generation.State);
        Assert.True(generation.IsCompleted && generation.IsTerminal && !generation.IsFailed);
        Assert.Null(generation.FailureCode);
        var output = Assert.Single(generation.Output);
        Assert.Equal(GenerationOutputType.Image, output.Type);
        Assert.Equal("cdn.example.com", output.Url!.Host);
    }

    [Fact]
    public void Failed_generation_parses_code_and_reason()
    {
        var generation = LumaJson.DeserializeGeneration(Samples.Failed);

        Assert.True(generation.IsFailed);
        Assert.Equal(FailureCode.ContentModerated, generation.FailureCode);
        Assert.Equal("The prompt violated content rules.", generation.FailureReason);
        Assert.Equal(GenerationModel.Ray32, generation.Model);
    }

    [Fact]
    public void Layering_outputs_keep_their_layer_including_undocumented_shapes()
    {
        var generation = LumaJson.DeserializeGeneration(
            """
            {"id":"g","state":"completed","model":"uni-1","type":"layering","output":[
              {"type":"image","url":"https://cdn.example.com/l0.png","layer":{"index":0,"label":"background",
               "description":"sky","alpha_hint":"opaque","bounds":{"x":0,"y":0,"w":1,"h":1},"depth":3}},
              {"type":"mask","url":"https://cdn.example.com/l1.png","extra":"kept"}]}
            """);

        var layer = generation.Output[0].Layer!;
        Assert.Equal(0, layer.Index);
        Assert.Equal("background", layer.Label);
        Assert.Equal("sky", layer.Description);
        Assert.Equal("opaque", layer.AlphaHint!.Value.GetString());
        Assert.Equal(1, layer.Bounds!.Value.GetProperty("w").GetInt32());
        Assert.Equal(3, layer.AdditionalProperties!["depth"].GetInt32());
        Assert.Equal("mask", generation.Output[1].Type.Value);
        Assert.False(generation.Output[1].Type.IsKnown);
        Assert.Equal("kept", generation.Output[1].AdditionalProperties!["extra"].GetString());
    }

    [Fact]
    public void A_generation_round_trips_through_json_unchanged()
    {
        const string body = """
            {"id":"g","created_at":"2026-04-08T12:00:00.5+02:00","model":"uni-1","type":"image","state":"completed",
             "failure_code":"some_future_code","output":[{"type":"image","url":"https://cdn.example.com/a.png"}],"cost":{"credits":3}}
            """;

        var json = LumaJson.Serialize(LumaJson.DeserializeGeneration(body));

        JsonAssert.Equivalent(body, json);
    }
}
