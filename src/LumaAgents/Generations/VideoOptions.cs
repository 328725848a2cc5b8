using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>Video options (<c>video</c>), ray-3.2 only. Unset members take the server's defaults.</summary>
public sealed record VideoOptions
{
    /// <summary>5 s (default) or 10 s.</summary>
    public VideoDuration? Duration { get; init; }

    /// <summary>360p, 540p, 720p (default) or 1080p.</summary>
    public VideoResolution? Resolution { get; init; }

    /// <summary>A seamless loop (type <c>video</c> only; not with 10 s, HDR, an end frame or keyframes).</summary>
    public bool? Loop { get; init; }

    /// <summary>High dynamic range (720p or 1080p; not for reframe).</summary>
    public bool? Hdr { get; init; }

    /// <summary>Also export EXR frames (requires <see cref="Hdr"/>).</summary>
    public bool? ExrExport { get; init; }

    /// <summary>The first frame (5 s only); a generation id here extends that video.</summary>
    public ImageRef? StartFrame { get; init; }

    /// <summary>The last frame (5 s only).</summary>
    public ImageRef? EndFrame { get; init; }

    /// <summary>A guide frame (newest API; its semantics are not documented yet).</summary>
    public ImageRef? GuideFrame { get; init; }

    /// <summary>1–64 keyframes (type <c>video</c> only; not with start/end frames or loop), paired with <see cref="KeyframeIndexes"/>.</summary>
    public IReadOnlyList<ImageRef>? Keyframes { get; init; }

    /// <summary>Where each keyframe sits on the 24 fps output grid: unique, 0–120 for 5 s, 0–240 for 10 s.</summary>
    public IReadOnlyList<int>? KeyframeIndexes { get; init; }

    /// <summary>Where the source sits in the new frame (type <c>video_reframe</c> only).</summary>
    public SourcePosition? SourcePosition { get; init; }

    /// <summary>Edit options (type <c>video_edit</c> only).</summary>
    public VideoEditOptions? Edit { get; init; }

    /// <summary>Fields this SDK does not know yet, sent as they are.</summary>
    /// <remarks>
    /// An entry <b>replaces</b> the typed property of the same JSON name (written once, with the entry's value; a JSON
    /// <c>null</c> entry sends an explicit <c>null</c>, a <c>default</c> <see cref="JsonElement"/> sends nothing).
    /// Names compare ordinally.
    /// </remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
