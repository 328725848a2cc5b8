namespace LumaAgents.Mcp.Input;

/// <summary>
/// A request that passed every check: <see cref="Request"/> is valid, but may still hold placeholders for local files
/// that <see cref="Uploads"/> must upload first (<see cref="MediaUploads.UploadAsync"/>), just before the create.
/// </summary>
internal sealed record PreparedRequest(GenerationRequest Request, MediaUploads Uploads);
