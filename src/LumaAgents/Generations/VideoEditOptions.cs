using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>Options of a video edit (<c>video.edit</c>).</summary>
public sealed record VideoEditOptions
{
    /// <summary>Let the model choose the controls; then <see cref="Controls"/> must be unset.</summary>
    public bool? AutoControls { get; init; }

    /// <summary>How far the edit may move away from the source.</summary>
    public VideoEditStrength? Strength { get; init; }

    /// <summary>Advanced controls (not with <see cref="AutoControls"/> true).</summary>
    public AdvancedControls? Controls { get; init; }

    /// <summary>Up to 64 keyframes, paired with <see cref="KeyframeIndexes"/> (not with <c>video.start_frame</c>).</summary>
    public IReadOnlyList<ImageRef>? Keyframes { get; init; }

    /// <summary>Where each keyframe sits on the source video's frame grid: unique and non-negative.</summary>
    public IReadOnlyList<int>? KeyframeIndexes { get; init; }

    /// <summary>Fields this SDK does not know yet, sent as they are.</summary>
    /// <remarks>
    /// An entry <b>replaces</b> the typed property of the same JSON name (written once, with the entry's value; a JSON
    /// <c>null</c> entry sends an explicit <c>null</c>, a <c>default</c> <see cref="JsonElement"/> sends nothing).
    /// Names compare ordinally.
    /// </remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
