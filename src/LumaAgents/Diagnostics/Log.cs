using Microsoft.Extensions.Logging;

namespace LumaAgents.Diagnostics;

/// <summary>
/// Every log line the SDK writes, source-generated (no boxing, no formatting when the level is off). Paths only,
/// never query strings; headers only from <see cref="LoggedHeaders"/>; the API key never.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Method} {Path} (attempt {Attempt}, request id {RequestId})")]
    public static partial void Sending(ILogger logger, string method, string path, int attempt, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Received {StatusCode} for {Method} {Path} in {ElapsedMs:0.0} ms (request id {RequestId}; {Headers})")]
    public static partial void Received(ILogger logger, int statusCode, string method, string path, double elapsedMs, string? requestId, string headers);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Method} {Path} failed without a response after {ElapsedMs:0.0} ms (request id {RequestId}): {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string method, string path, double elapsedMs, string? requestId, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Ignored implausible headers of the response to {Method} {Path}: {Ignored}")]
    public static partial void IgnoredHeaders(ILogger logger, string method, string path, string ignored);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Retrying {Method} {Path} in {DelayMs:0} ms after {Outcome} (retry {Retry} of {MaxRetries})")]
    public static partial void Retrying(ILogger logger, string method, string path, double delayMs, string outcome, int retry, int maxRetries);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Rate limited ({Kind}) on {Method} {Path}; the server asked to wait {RetryAfterMs:0} ms (request id {RequestId})")]
    public static partial void RateLimited(ILogger logger, RateLimitKind kind, string method, string path, double retryAfterMs, string? requestId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Held a create for {WaitedMs:0} ms until the requests-per-minute window had room")]
    public static partial void ThrottledCreate(ILogger logger, double waitedMs);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Holding a create for {WaitMs:0} ms until the requests-per-minute window has room (-1: until a create in flight is answered)")]
    public static partial void HoldingCreate(ILogger logger, double waitMs);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "A create failed with an unknown outcome (request id {RequestId}); the generation may exist and was not retried to avoid a duplicate")]
    public static partial void UncertainCreate(ILogger logger, string? requestId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Waiting for generation {GenerationId}: first poll in {FirstPollMs:0} ms, then every {IntervalMs:0} ms, deadline {TimeoutMs:0} ms")]
    public static partial void WaitStarted(ILogger logger, string generationId, double firstPollMs, double intervalMs, double timeoutMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Generation {GenerationId} is {State}")]
    public static partial void StateChanged(ILogger logger, string generationId, string state);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Polling generation {GenerationId} failed ({Reason}); the wait goes on")]
    public static partial void PollFailed(ILogger logger, string generationId, string reason);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "Downloading output {Index} of generation {GenerationId} from {Location}")]
    public static partial void Downloading(ILogger logger, int index, string generationId, string location);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "The URL of output {Index} of generation {GenerationId} had expired; reading the generation for a fresh one")]
    public static partial void RefreshingUrl(ILogger logger, int index, string generationId);
}
