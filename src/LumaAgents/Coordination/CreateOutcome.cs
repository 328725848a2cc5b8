namespace LumaAgents;

/// <summary>How one create attempt went, as a coordinator needs to know it.</summary>
/// <param name="StatusCode">The response status, or null when no response arrived.</param>
/// <param name="RateLimit">The response's rate-limit window (already sanity-checked), or null.</param>
/// <param name="RetryAfter">The response's retry hint (already sanity-checked), or null.</param>
/// <param name="Kind">For a 429: which limit was hit.</param>
/// <param name="GenerationId">For a 201: the created generation's id, when known.</param>
public sealed record CreateOutcome(int? StatusCode, RateLimitInfo? RateLimit, TimeSpan? RetryAfter, RateLimitKind Kind, string? GenerationId);
