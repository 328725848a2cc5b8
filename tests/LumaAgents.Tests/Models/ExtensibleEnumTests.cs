using FsCheck;
using FsCheck.Fluent;
using LumaAgents.Serialization;

namespace LumaAgents.Tests.Models;

public sealed class ExtensibleEnumTests
{
    [Fact]
    public void Known_values_have_their_wire_strings()
    {
        Assert.Equal("uni-1", GenerationModel.Uni1.Value);
        Assert.Equal("uni-1-max", GenerationModel.Uni1Max.Value);
        Assert.Equal("ray-3.2", GenerationModel.Ray32.Value);
        Assert.Equal("video_reframe", GenerationType.VideoReframe.Value);
        Assert.Equal("16:9", AspectRatio.Ratio16x9.Value);
        Assert.Equal("360p", VideoResolution.Resolution360p.Value);
        Assert.Equal("reimagine_3", VideoEditStrength.Reimagine3.Value);
        Assert.Equal("coarse", PoseControlStrength.Coarse.Value);
        Assert.Equal("rate_limited", FailureCode.RateLimited.Value);
        Assert.Equal(12, AspectRatio.KnownValues.Count);
        Assert.Equal(9, FailureCode.KnownValues.Count);
    }

    [Fact]
    public void Strings_convert_implicitly_and_compare_ordinally()
    {
        GenerationModel fromString = "ray-3.2";

        Assert.Equal(GenerationModel.Ray32, fromString);
        Assert.True(fromString == GenerationModel.Ray32);
        Assert.True(new GenerationModel("RAY-3.2") != GenerationModel.Ray32);
        Assert.True(fromString.IsKnown);
        Assert.False(new GenerationModel("ray-4").IsKnown);
        Assert.Equal("ray-3.2", fromString.ToString());
    }

    [Fact]
    public void Default_value_is_empty_and_unknown_rather_than_null()
    {
        var state = default(GenerationState);

        Assert.Equal(string.Empty, state.Value);
        Assert.False(state.IsKnown);
        Assert.NotEqual(GenerationState.Queued, state);
    }

    [Fact]
    public void Null_is_refused_with_an_argument_error()
        => Assert.Throws<ArgumentNullException>(() => new GenerationState(null!));

    [Fact]
    public void Any_string_survives_a_json_round_trip_as_a_state()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<NonNull<string>>(),
                text =>
                {
                    var json = LumaJson.Serialize(new Generation { Id = "g", State = text.Get });
                    var back = LumaJson.DeserializeGeneration(json);
                    return back.State == new GenerationState(text.Get) && back.State.IsKnown == new GenerationState(text.Get).IsKnown;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Known_values_read_from_json_are_the_shared_instances()
    {
        var generation = LumaJson.DeserializeGeneration("""{"id":"g","state":"completed","model":"uni-1","type":"image"}""");

        Assert.Same(GenerationState.Completed.Value, generation.State.Value);
        Assert.Same(GenerationModel.Uni1.Value, generation.Model.Value);
    }

    [Fact]
    public void Null_reads_as_the_unset_value_and_the_unset_value_writes_as_null_with_any_serializer()
    {
        // An application's own (reflection-based) settings: the enum's converter is on the type, so it applies there too.
        var options = new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

        var state = System.Text.Json.JsonSerializer.Deserialize<GenerationState>("null", options);
        var ratio = System.Text.Json.JsonSerializer.Deserialize<AspectRatio?>("null", options);

        Assert.Equal(default, state);
        Assert.Null(ratio);
        Assert.Equal("null", System.Text.Json.JsonSerializer.Serialize(default(GenerationState), options));
        Assert.Equal("\"queued\"", System.Text.Json.JsonSerializer.Serialize(GenerationState.Queued, options));
    }

    [Fact]
    public void A_request_read_with_an_explicit_null_enum_leaves_it_unset()
    {
        var request = LumaJson.DeserializeRequest("""{"prompt":"p","aspect_ratio":null,"model":null}""");

        Assert.Null(request.AspectRatio);
        Assert.Null(request.Model);
        Assert.Equal("""{"prompt":"p"}""", LumaJson.Serialize(request));
    }

    public static TheoryData<Type> EveryExtensibleEnum()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(LumaClient).Assembly.GetTypes()
                     .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>)))
                     .OrderBy(t => t.Name))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void The_extensible_enums_are_the_ones_the_sdk_documents()
    {
        var names = EveryExtensibleEnum().Cast<object[]>().Select(row => ((Type)row[0]).Name).ToArray();

        Assert.Equal(
            new[]
            {
                "AlphaHint", "AspectRatio", "FailureCode", "FilePurpose", "FileState", "GenerationModel", "GenerationOutputType",
                "GenerationState", "GenerationType", "ImageStyle", "LayeringResolution", "OutputFormat", "PoseControlStrength",
                "VideoDuration", "VideoEditStrength", "VideoResolution",
            },
            names);
    }

    [Theory]
    [MemberData(nameof(EveryExtensibleEnum))]
    public void Each_enum_knows_exactly_its_declared_values_in_order_and_round_trips_them(Type type)
    {
        // The generated half of each enum, checked by behaviour: KnownValues are the static values in declaration
        // order, each known, distinct, and read back from JSON as the same value; anything else is unknown but kept.
        var declared = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .OrderBy(p => p.MetadataToken)
            .Select(p => p.GetValue(null)!)
            .ToArray();
        var known = ((System.Collections.IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().ToArray();
        string Value(object v) => (string)type.GetProperty("Value")!.GetValue(v)!;
        bool IsKnown(object v) => (bool)type.GetProperty("IsKnown")!.GetValue(v)!;

        Assert.NotEmpty(known);
        Assert.Equal(declared, known);
        Assert.All(known, v => Assert.True(IsKnown(v)));
        Assert.Equal(known.Length, known.Select(Value).Distinct(StringComparer.Ordinal).Count());
        var unknown = Activator.CreateInstance(type, "surely-not-a-value-" + type.Name)!;
        Assert.False(IsKnown(unknown));
        Assert.Equal("surely-not-a-value-" + type.Name, unknown.ToString());
        var unset = Activator.CreateInstance(type)!;
        Assert.Equal(string.Empty, Value(unset));
        Assert.False(IsKnown(unset));
        Assert.NotEqual(known[0], unset);
        Assert.Equal(Activator.CreateInstance(type, Value(known[0])), known[0]);
        Assert.Equal(known[0].GetHashCode(), Activator.CreateInstance(type, Value(known[0]))!.GetHashCode());
    }

    [Fact]
    public void An_explicit_empty_string_is_kept_apart_from_the_unset_value_on_write()
    {
        var options = new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

        Assert.Equal("\"\"", System.Text.Json.JsonSerializer.Serialize(new GenerationModel(string.Empty), options));
        Assert.Equal("""{"model":""}""", LumaJson.Serialize(new Generation { Model = new GenerationModel(string.Empty) }));
        Assert.Equal("{}", LumaJson.Serialize(new Generation { Model = default }));
        Assert.Equal(default(GenerationModel), new GenerationModel(string.Empty));
    }
}
