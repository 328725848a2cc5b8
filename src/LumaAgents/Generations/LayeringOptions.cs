namespace LumaAgents;

/// <summary>Options of a layering generation (<c>layering</c>).</summary>
public sealed record LayeringOptions
{
    /// <summary>1k or 2k.</summary>
    public LayeringResolution? Resolution { get; init; }
}
