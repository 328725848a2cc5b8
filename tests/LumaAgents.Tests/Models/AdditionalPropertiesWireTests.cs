using System.Text.Json;
using LumaAgents.Serialization;

namespace LumaAgents.Tests.Models;

/// <summary>
/// An AdditionalProperties entry replaces the typed member of the same JSON name on write (issue 10, finding 10):
/// never two keys of one name, and an explicit JSON null can be sent. Asserted on the exact wire text.
/// </summary>
public sealed class AdditionalPropertiesWireTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void A_null_entry_sends_an_explicit_null_once_in_place_of_the_typed_value()
    {
        var request = GenerationRequest.CreateImage("p", AspectRatio.Ratio16x9) with
        {
            AdditionalProperties = new Dictionary<string, JsonElement> { ["aspect_ratio"] = Json("null") },
        };

        Assert.Equal("""{"prompt":"p","type":"image","aspect_ratio":null}""", LumaJson.Serialize(request));
    }

    [Fact]
    public void An_entry_overrides_the_typed_value()
    {
        var request = GenerationRequest.CreateImage("p", AspectRatio.Ratio16x9) with
        {
            AdditionalProperties = new Dictionary<string, JsonElement> { ["aspect_ratio"] = Json("\"21:9\""), ["seed"] = Json("7") },
        };

        Assert.Equal("""{"prompt":"p","type":"image","aspect_ratio":"21:9","seed":7}""", LumaJson.Serialize(request));
    }

    [Fact]
    public void An_entry_may_set_a_member_the_typed_model_left_unset()
    {
        var request = new GenerationRequest
        {
            Prompt = "p",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["web_search"] = Json("true") },
        };

        Assert.Equal("""{"prompt":"p","web_search":true}""", LumaJson.Serialize(request));
    }

    [Fact]
    public void An_undefined_entry_sends_nothing_for_its_name()
    {
        var request = GenerationRequest.CreateImage("p", AspectRatio.Ratio16x9) with
        {
            AdditionalProperties = new Dictionary<string, JsonElement> { ["aspect_ratio"] = default, ["extra"] = default },
        };

        Assert.Equal("""{"prompt":"p","type":"image"}""", LumaJson.Serialize(request));
    }

    [Fact]
    public void Nested_request_models_follow_the_same_rule()
    {
        var request = GenerationRequest.CreateVideo(
            "p",
            new VideoOptions
            {
                Duration = VideoDuration.Seconds5,
                StartFrame = ImageRef.FromUrl("https://example.com/a.png", "image/png") with
                {
                    AdditionalProperties = new Dictionary<string, JsonElement> { ["media_type"] = Json("\"image/webp\"") },
                },
                Edit = new VideoEditOptions
                {
                    Strength = VideoEditStrength.Flex1,
                    AdditionalProperties = new Dictionary<string, JsonElement> { ["strength"] = Json("null") },
                },
                AdditionalProperties = new Dictionary<string, JsonElement> { ["duration"] = Json("\"15s\"") },
            });

        Assert.Equal(
            """{"prompt":"p","model":"ray-3.2","type":"video","video":{"duration":"15s","start_frame":{"url":"https://example.com/a.png","media_type":"image/webp"},"edit":{"strength":null}}}""",
            LumaJson.Serialize(request));
    }

    [Fact]
    public void A_response_model_writes_a_replacing_entry_once()
    {
        var generation = new Generation
        {
            Id = "g",
            State = GenerationState.Completed,
            AdditionalProperties = new Dictionary<string, JsonElement> { ["state"] = Json("\"archived\""), ["cost"] = Json("3") },
        };

        Assert.Equal("""{"id":"g","state":"archived","cost":3}""", LumaJson.Serialize(generation));
    }

    [Fact]
    public void Names_compare_ordinally_whatever_the_dictionary_comparer()
    {
        var request = new GenerationRequest
        {
            Prompt = "p",
            AdditionalProperties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase) { ["PROMPT"] = Json("\"q\"") },
        };

        Assert.Equal("""{"prompt":"p","PROMPT":"q"}""", LumaJson.Serialize(request));
    }
}
