using Microsoft.Extensions.Logging;

namespace LumaAgents.Redis;

/// <summary>The coordinator's log lines, source-generated. They name Redis and the account's hash, never the API key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Redis coordination is unavailable ({Reason}); limits are decided in this process until Redis answers again ({Fallback}); next try in {RetryMs:0} ms")]
    public static partial void FailingOpen(ILogger logger, string reason, string fallback, double retryMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Redis coordination answers again; the account's limits are shared again")]
    public static partial void SharedAgain(ILogger logger);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Holding a create for {WaitMs:0} ms until the account's shared requests-per-minute window has room (-1: until a create in flight is answered)")]
    public static partial void HoldingCreate(ILogger logger, double waitMs);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Held a create for {WaitedMs:0} ms until the account's shared requests-per-minute window had room")]
    public static partial void ThrottledCreate(ILogger logger, double waitedMs);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Waiting for a job slot: the account's processes hold {Held} of {Limit} jobs")]
    public static partial void WaitingForJobSlot(ILogger logger, long held, long limit);
}
