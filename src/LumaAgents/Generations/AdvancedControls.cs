namespace LumaAgents;

/// <summary>The advanced controls of a video edit (<c>video.edit.controls</c>).</summary>
public sealed record AdvancedControls
{
    /// <summary>Follow the source's poses.</summary>
    public PoseControl? Pose { get; init; }

    /// <summary>Follow the source's depth.</summary>
    public DepthControl? Depth { get; init; }

    /// <summary>Follow the source's surface normals.</summary>
    public NormalsControl? Normals { get; init; }

    /// <summary>Follow the source's motion trajectories.</summary>
    public TrajectoryControl? Trajectory { get; init; }

    /// <summary>Keep the source's faces.</summary>
    public FaceControl? Face { get; init; }
}
