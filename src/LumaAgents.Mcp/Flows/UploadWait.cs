namespace LumaAgents.Mcp.Flows;

/// <summary>How a wait for an uploaded file ended: the file as last known, whether the deadline passed, how long it took.</summary>
internal sealed record UploadWait(LumaFile File, bool TimedOut, TimeSpan Waited);
