using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace LumaAgents.Testing.Internal;

/// <summary>Every request as it arrived, in arrival order, and the simulator's log lines about them.</summary>
internal sealed class RequestLog(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public ILogger Logger => logger;

    public RecordedRequest[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    public RecordedRequest Record(HttpRequest request, Route route, string body, DateTimeOffset receivedAt, FakeFault? fault, string requestId)
    {
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in request.Headers)
        {
            headers[header.Key] = header.Value.Count == 1 ? header.Value[0] ?? string.Empty : string.Join(", ", (IEnumerable<string?>)header.Value);
        }

        string query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var record = new RecordedRequest(request.Method, request.Path.Value ?? "/", query, headers, body, receivedAt, route.Kind, fault, requestId);
        lock (_gate)
        {
            _requests.Add(record);
        }

        if (fault is not null)
        {
            Log.FaultApplied(logger, fault.ToString(), request.Method, record.Path, null);
        }

        return record;
    }

    public static void Answered(RecordedRequest record, int statusCode) => record.SetStatusCode(statusCode);

    public static void Dropped(RecordedRequest record) => record.MarkConnectionDropped();

    /// <summary>The one line per request (method, path without the query, which may hold a presigned signature, outcome, duration).</summary>
    public void Completed(RecordedRequest record, TimeSpan duration)
    {
        double milliseconds = Math.Round(duration.TotalMilliseconds, 1);
        if (record.ConnectionDropped)
        {
            Log.Dropped(logger, record.Method, record.Path, milliseconds, null);
        }
        else if (record.StatusCode is int status)
        {
            Log.Answered(logger, record.Method, record.Path, status, milliseconds, null);
        }
        else
        {
            Log.Abandoned(logger, record.Method, record.Path, milliseconds, null);
        }

        // Last, so a test that sees the duration also sees the line.
        record.SetDuration(duration);
    }

    private static class Log
    {
        public static readonly Action<ILogger, string, string, int, double, Exception?> Answered =
            LoggerMessage.Define<string, string, int, double>(LogLevel.Information, new EventId(1, "Answered"), "{Method} {Path} answered {StatusCode} in {ElapsedMs} ms");

        public static readonly Action<ILogger, string, string, double, Exception?> Abandoned =
            LoggerMessage.Define<string, string, double>(LogLevel.Information, new EventId(4, "Abandoned"), "{Method} {Path} ended without an answer (the client went away or the server stopped) after {ElapsedMs} ms");

        public static readonly Action<ILogger, string, string, string, Exception?> FaultApplied =
            LoggerMessage.Define<string, string, string>(LogLevel.Information, new EventId(2, "FaultApplied"), "Scripted fault {Fault} applied to {Method} {Path}");

        public static readonly Action<ILogger, string, string, double, Exception?> Dropped =
            LoggerMessage.Define<string, string, double>(LogLevel.Information, new EventId(3, "Dropped"), "{Method} {Path} connection dropped after {ElapsedMs} ms");
    }
}
