using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The reflection-based baseline: the settings of the SDK's source-generated context (snake_case, nulls omitted),
/// resolved by reflection at run time. The resolver is named explicitly so the baseline stays reflection-based wherever
/// reflection is not the serializer's default (<c>JsonSerializerIsReflectionEnabledByDefault=false</c>, as in trimmed apps).
/// </summary>
internal static class ReflectionJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonSerializerOptions CreateOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
