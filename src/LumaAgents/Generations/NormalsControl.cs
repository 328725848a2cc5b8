namespace LumaAgents;

/// <summary>The surface-normals control of a video edit.</summary>
public sealed record NormalsControl
{
    /// <summary>Whether the control is on.</summary>
    public bool? Enabled { get; init; }

    /// <summary>How much to augment the normals, 0–1.</summary>
    public double? Augmentation { get; init; }
}
