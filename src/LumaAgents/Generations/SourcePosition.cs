namespace LumaAgents;

/// <summary>
/// Where a reframed source sits in the new frame, in fractions of the output (<c>video.source_position</c>). The
/// offsets may be negative; width and height are greater than 0 and at most 2.
/// </summary>
/// <param name="XNorm">The left edge, as a fraction of the output width.</param>
/// <param name="YNorm">The top edge, as a fraction of the output height.</param>
/// <param name="WNorm">The width, as a fraction of the output width (at most 2).</param>
/// <param name="HNorm">The height, as a fraction of the output height (at most 2).</param>
public sealed record SourcePosition(double XNorm, double YNorm, double WNorm, double HNorm);
