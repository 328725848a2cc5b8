namespace LumaAgents;

/// <summary>The face control of a video edit.</summary>
public sealed record FaceControl
{
    /// <summary>Whether the control is on.</summary>
    public bool? Enabled { get; init; }
}
