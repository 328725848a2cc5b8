using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Tools;

/// <summary>The tools' log events. A created job's id is always logged, so it survives even a client that hangs up.</summary>
internal static partial class ToolLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created generation {GenerationId} (a billed job unless simulated)")]
    public static partial void LogCreated(this ILogger logger, string generationId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Uploaded file {FileId} ({What})")]
    public static partial void LogUploaded(this ILogger logger, string fileId, string what);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Deleted file {FileId}")]
    public static partial void LogDeleted(this ILogger logger, string fileId);
}
