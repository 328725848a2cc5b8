using System.Text.Json.Serialization;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>The body of <c>POST /images</c>.</summary>
/// <param name="Prompt">What to draw.</param>
/// <param name="AspectRatio">For example <c>16:9</c>; null for the default.</param>
public sealed record CreateImage(
    [property: JsonPropertyName("prompt")] string? Prompt,
    [property: JsonPropertyName("aspect_ratio")] string? AspectRatio);
