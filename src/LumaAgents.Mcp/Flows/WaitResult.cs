namespace LumaAgents.Mcp.Flows;

/// <summary>How a wait ended: the last state read (null if no read succeeded), whether the deadline passed, and how long it took.</summary>
internal sealed record WaitResult(string GenerationId, Generation? Last, bool TimedOut, TimeSpan Waited);
