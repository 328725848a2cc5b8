namespace LumaAgents;

/// <summary>The depth control of a video edit.</summary>
public sealed record DepthControl
{
    /// <summary>Whether the control is on.</summary>
    public bool? Enabled { get; init; }

    /// <summary>How much to blur the depth map, 0–1.</summary>
    public double? Blur { get; init; }
}
