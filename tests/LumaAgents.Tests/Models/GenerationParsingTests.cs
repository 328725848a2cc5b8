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
    public void Layering_outputs_have_typed_layers()
    {
        var generation = LumaJson.DeserializeGeneration(
            """
            {"id":"g","state":"completed","model":"uni-1","type":"layering","output":[
              {"type":"image","url":"https://cdn.example.com/l0.png","layer":{"index":0,"label":"background",
               "description":"sky","alpha_hint":"none",
               "bounds":{"x":0,"y":16,"width":1024,"height":1008,"canvas_width":1024,"canvas_height":1024}}},
              {"type":"image","url":"https://cdn.example.com/l1.png","layer":{"index":1,"alpha_hint":"soft","bounds":{"x":5}}}]}
            """);

        var background = generation.Output[0].Layer!;
        Assert.Equal(0, background.Index);
        Assert.Equal("background", background.Label);
        Assert.Equal("sky", background.Description);
        Assert.Equal(AlphaHint.None, background.AlphaHint);
        Assert.Equal(new LayerBounds { X = 0, Y = 16, Width = 1024, Height = 1008, CanvasWidth = 1024, CanvasHeight = 1024 }, background.Bounds);
        var subject = generation.Output[1].Layer!;
        Assert.Equal(AlphaHint.Soft, subject.AlphaHint);
        Assert.Equal(5, subject.Bounds!.X);
        Assert.Null(subject.Bounds.Width);
        Assert.Null(subject.Description);
    }

    [Fact]
    public void Layers_keep_what_this_sdk_does_not_model()
    {
        const string body = """
            {"id":"g","state":"completed","type":"layering","output":[
              {"type":"image","url":"https://cdn.example.com/l0.png","layer":{"index":0,"alpha_hint":"feathered",
               "bounds":{"x":0,"y":0,"w":1,"h":1,"width":12.5},"depth":3}},
              {"type":"mask","url":"https://cdn.example.com/l1.png","layer":{"alpha_hint":{"kind":"soft"},"bounds":[0,0,10,10]},"extra":"kept"}]}
            """;

        var generation = LumaJson.DeserializeGeneration(body);

        var layer = generation.Output[0].Layer!;
        Assert.Equal("feathered", layer.AlphaHint!.Value.Value);
        Assert.False(layer.AlphaHint.Value.IsKnown);
        Assert.Equal(0, layer.Bounds!.X);
        Assert.Null(layer.Bounds.Width);
        Assert.Equal(1, layer.Bounds.AdditionalProperties!["w"].GetInt32());
        Assert.Equal(12.5, layer.Bounds.AdditionalProperties["width"].GetDouble());
        Assert.Equal(3, layer.AdditionalProperties!["depth"].GetInt32());
        var odd = generation.Output[1];
        Assert.Equal("mask", odd.Type.Value);
        Assert.False(odd.Type.IsKnown);
        Assert.Null(odd.Layer!.AlphaHint);
        Assert.Null(odd.Layer.Bounds);
        Assert.Equal("soft", odd.Layer.AdditionalProperties!["alpha_hint"].GetProperty("kind").GetString());
        Assert.Equal(4, odd.Layer.AdditionalProperties["bounds"].GetArrayLength());
        Assert.Equal("kept", odd.AdditionalProperties!["extra"].GetString());
        JsonAssert.RoundTrips(body, LumaJson.Serialize(generation));
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
