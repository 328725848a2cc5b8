namespace LumaAgents;

/// <summary>The motion-trajectory control of a video edit.</summary>
public sealed record TrajectoryControl
{
    /// <summary>Whether the control is on.</summary>
    public bool? Enabled { get; init; }

    /// <summary>How sparse the trajectories are, 0–1.</summary>
    public double? Sparsity { get; init; }
}
