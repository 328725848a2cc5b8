using Microsoft.Extensions.Logging;

namespace LumaAgents;

/// <summary>
/// The log lines and span names of the files API, source-generated like <see cref="Diagnostics.Log"/> (event ids
/// 40–49). Storage URLs appear as host and path only, never with their query (the signature).
/// </summary>
internal static partial class FileLog
{
    /// <summary>The span of one whole upload.</summary>
    public const string UploadActivity = "luma.files.upload";

    /// <summary>The span of a wait until a file is ready.</summary>
    public const string WaitActivity = "luma.files.wait";

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Uploading {SizeBytes} bytes ({MimeType}) {Mode}")]
    public static partial void Uploading(ILogger logger, long sizeBytes, string mimeType, string mode);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "The inline upload was refused as too large (413); sending it through the presigned flow")]
    public static partial void InlineTooLarge(ILogger logger);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "The presigned upload of file {FileId} had expired ({Why}); creating the file again")]
    public static partial void Recreating(ILogger logger, string fileId, string why);

    [LoggerMessage(EventId = 43, Level = LogLevel.Debug, Message = "Sending the bytes of file {FileId} to {Location}")]
    public static partial void Putting(ILogger logger, string fileId, string location);

    [LoggerMessage(EventId = 44, Level = LogLevel.Debug, Message = "Waiting for file {FileId} to be ready: every {IntervalMs:0} ms, deadline {TimeoutMs:0} ms")]
    public static partial void WaitStarted(ILogger logger, string fileId, double intervalMs, double timeoutMs);

    [LoggerMessage(EventId = 45, Level = LogLevel.Information, Message = "File {FileId} is {State}")]
    public static partial void StateChanged(ILogger logger, string fileId, string state);

    [LoggerMessage(EventId = 46, Level = LogLevel.Warning, Message = "Polling file {FileId} failed ({Reason}); the wait goes on")]
    public static partial void PollFailed(ILogger logger, string fileId, string reason);
}
