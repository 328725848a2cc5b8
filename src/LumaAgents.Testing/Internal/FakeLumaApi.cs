using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// The simulated API's dispatcher: one terminal request delegate that takes the scripted fault, reads the body, runs
/// the checks every API request passes (abuse ceiling, routing, body limit, authentication) in the real server's
/// order, hands the request to its route's handler and sends the answer. Every answer is computed first and sent
/// last, so scripted faults can replace, truncate or drop it after the real work (such as creating a job) happened.
/// </summary>
internal sealed class FakeLumaApi
{
    private readonly SimulatorState _state;
    private readonly CancellationToken _stopping;
    private readonly RequestLog _log;
    private readonly ResponseWriter _writer;
    private readonly ApiKeyAuthenticator _authenticator;
    private readonly AbuseCeiling? _abuseCeiling;
    private readonly RequestBodyLimit _bodyLimit;
    private readonly Dictionary<RouteKind, IRouteHandler> _handlers;
    private readonly TimeSpan _queuedFor;
    private readonly TimeSpan _processingFor;

    public FakeLumaApi(FakeLumaServerOptions options, ILogger logger, CancellationToken stopping)
    {
        _state = new SimulatorState(options);
        _stopping = stopping;
        _queuedFor = options.QueuedFor;
        _processingFor = options.ProcessingFor;
        _log = new RequestLog(logger);
        _writer = new ResponseWriter(options.ApiVersion, options.TimeProvider, stopping);
        _authenticator = new ApiKeyAuthenticator(options.ApiKeys, options.RevokedApiKeys);
        _abuseCeiling = options.AbuseRequestsPerMinute is int abuseLimit ? new AbuseCeiling(abuseLimit) : null;
        _bodyLimit = new RequestBodyLimit(options.MaxBodyBytes);
        var ingest = new FileIngest(_state, options);
        _handlers = new Dictionary<RouteKind, IRouteHandler>
        {
            [RouteKind.CreateFile] = new CreateFileHandler(ingest),
            [RouteKind.CompleteFile] = new CompleteFileHandler(ingest),
            [RouteKind.GetFile] = new GetFileHandler(ingest),
            [RouteKind.ListFiles] = new ListFilesHandler(ingest),
            [RouteKind.DeleteFile] = new DeleteFileHandler(ingest),
            [RouteKind.Upload] = new UploadHandler(ingest),
            [RouteKind.Create] = new CreateGenerationHandler(_state, options, new CreateAdmission(options.RequestsPerMinute, options.MaxConcurrentJobs)),
            [RouteKind.Get] = new GetGenerationHandler(_state),
            [RouteKind.Download] = new OutputDownloadHandler(_state, options.RejectAuthorizationOnDownloads),
        };
    }

    public GenerationStore Store => _state.Generations;

    public FileStore Files => _state.Files;

    public FakeFaultQueue Faults { get; } = new();

    public TimeProvider Time => _state.Time;

    /// <summary>The scheme, host and port output URLs point to; set once Kestrel has bound its port.</summary>
    public string Origin
    {
        get => _state.Origin;
        set => _state.Origin = value;
    }

    public RecordedRequest[] Requests => _log.Snapshot();

    public void ClearRequests() => _log.Clear();

    public void RevokeApiKey(string key) => _authenticator.Revoke(key);

    public StoredGeneration Seed(string id, DateTimeOffset createdAt, string model, string type, string? prompt, FakeOutcome outcome)
    {
        var generation = new StoredGeneration(id, createdAt, model, type, prompt, outcome, outcome.ResolveSteps(_queuedFor, _processingFor), null, null, null, 0);
        Store.Add(generation);
        return generation;
    }

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        DateTimeOffset receivedAt = _state.Time.GetUtcNow();
        var route = Route.Parse(request.Method, request.Path.Value ?? "/");
        string requestId = request.Headers["X-Request-Id"] is { Count: > 0 } given && !string.IsNullOrEmpty(given[0]) ? given[0]! : Guid.NewGuid().ToString("D");
        FakeFault? fault = Faults.TryTake(route.Kind);
        CancellationToken aborted = context.RequestAborted;
        long started = _state.Time.GetTimestamp();
        RecordedRequest? record = null;

        try
        {
            if (fault?.Kind == FakeFaultKind.DropConnection)
            {
                record = _log.Record(request, route, string.Empty, receivedAt, fault, requestId);
                _writer.Drop(context, record);
                return;
            }

            // File bytes (a presigned PUT, a multipart create) stream to their handler; everything else is buffered under the limit.
            bool streamed = route.Kind == RouteKind.Upload || (route.Kind == RouteKind.CreateFile && CreateFileHandler.IsMultipart(request));
            byte[]? body = streamed ? [] : await _bodyLimit.ReadAsync(request.BodyReader, aborted).ConfigureAwait(false);
            record = _log.Record(request, route, body is null ? string.Empty : Encoding.UTF8.GetString(body), receivedAt, fault, requestId);

            while (fault?.Kind == FakeFaultKind.Delay)
            {
                await DelayAsync(fault.DelayDuration, aborted).ConfigureAwait(false);
                fault = fault.Then;
                if (fault?.Kind == FakeFaultKind.DropConnection)
                {
                    _writer.Drop(context, record);
                    return;
                }
            }

            if (fault?.Kind is FakeFaultKind.Respond or FakeFaultKind.HugeBody or FakeFaultKind.Redirect)
            {
                await _writer.SendAsync(context, record, SimulatedResponse.FromFault(fault), bodyFault: null).ConfigureAwait(false);
                return;
            }

            SimulatedResponse response = await HandleAsync(context, route, body, record).ConfigureAwait(false);
            switch (fault?.Kind)
            {
                case FakeFaultKind.ProcessThenDrop:
                    _writer.Drop(context, record);
                    return;
                case FakeFaultKind.ProcessThenRespond:
                    response = SimulatedResponse.FromFault(fault);
                    break;
                case FakeFaultKind.ProcessThenDelay:
                    await DelayAsync(fault.DelayDuration, aborted).ConfigureAwait(false);
                    break;
            }

            await _writer.SendAsync(context, record, response, fault).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && (aborted.IsCancellationRequested || _stopping.IsCancellationRequested))
        {
            // The client went away or the server is stopping: close the connection rather than send an empty 200.
            context.Abort();
        }
        finally
        {
            if (record is not null)
            {
                _log.Completed(record, _state.Time.GetElapsedTime(started));
            }
        }
    }

    /// <summary>Waits on the server's clock; ends early when the client gives up or the server stops.</summary>
    private async Task DelayAsync(TimeSpan delay, CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping);
        await Task.Delay(delay, _state.Time, linked.Token).ConfigureAwait(false);
    }

    /// <summary>The checks in the real server's order, then the route's handler.</summary>
    private async ValueTask<SimulatedResponse> HandleAsync(HttpContext context, Route route, byte[]? body, RecordedRequest record)
    {
        DateTimeOffset now = _state.Time.GetUtcNow();
        if (_abuseCeiling is not null && !_abuseCeiling.TryAdmit(now, out long abuseRetryAfter))
        {
            return SimulatedResponse.Detail(429, FakeLumaServerDetails.TooManyRequests, [new("Retry-After", abuseRetryAfter.ToString(CultureInfo.InvariantCulture))]);
        }

        // Storage is another host: it knows nothing of API keys or the API's body limit.
        if (route.IsStorage)
        {
            return await _handlers[route.Kind].HandleAsync(new RouteRequest(context, route, body, record, string.Empty, now)).ConfigureAwait(false);
        }

        if (route.IsWrongMethod)
        {
            return SimulatedResponse.Detail(405, FakeLumaServerDetails.MethodNotAllowed, [new("Allow", route.Allow!)]);
        }

        if (!_handlers.TryGetValue(route.Kind, out IRouteHandler? handler))
        {
            return SimulatedResponse.Detail(404, FakeLumaServerDetails.NotFound);
        }

        if (body is null)
        {
            return SimulatedResponse.Detail(413, $"{FakeLumaServerDetails.RequestBodyTooLarge} (limit {_bodyLimit.MaxBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes)");
        }

        if (!_authenticator.TryAuthenticate(context.Request.Headers.Authorization, out string apiKey, out string failure))
        {
            return SimulatedResponse.Detail(401, failure, [new("WWW-Authenticate", "Bearer")]);
        }

        return await handler.HandleAsync(new RouteRequest(context, route, body, record, apiKey, now)).ConfigureAwait(false);
    }
}
