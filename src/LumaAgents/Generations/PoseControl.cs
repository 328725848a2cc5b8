namespace LumaAgents;

/// <summary>The pose control of a video edit.</summary>
public sealed record PoseControl
{
    /// <summary>Whether the control is on.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Precise or coarse.</summary>
    public PoseControlStrength? Strength { get; init; }
}
