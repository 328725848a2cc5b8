using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// The simulated API behind Kestrel: one terminal request delegate. Every answer is computed first and sent last,
/// so scripted faults can replace, truncate or drop it after the real work (such as creating a job) happened.
/// </summary>
internal sealed partial class FakeLumaApi
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private static readonly byte[] EmptyBody = [];

    private readonly TimeProvider _time;
    private readonly string _apiVersion;
    private readonly long _maxBodyBytes;
    private readonly int? _requestsPerMinute;
    private readonly int? _maxConcurrentJobs;
    private readonly int? _abuseRequestsPerMinute;
    private readonly TimeSpan _queuedFor;
    private readonly TimeSpan _processingFor;
    private readonly bool _rejectAuthorizationOnDownloads;
    private readonly Func<FakeGenerationContext, FakeOutcome?>? _outcomeSelector;
    private readonly HashSet<string> _apiKeys;
    private readonly ConcurrentDictionary<string, bool> _revokedKeys;
    private readonly CancellationToken _stopping;
    private readonly ILogger _logger;
    private readonly RequestValidator _validator;
    private readonly PresignedUrls _urls;
    private readonly OutputFile _imageFile;
    private readonly OutputFile _videoFile;

    // Admission to POST /generations: the RPM window, the concurrent-job slots (release times) and the sequence
    // change together, so one lock keeps the check-then-admit step atomic.
    private readonly Lock _admissionGate = new();
    private readonly SlidingWindow _requestsPerMinuteWindow = new(Window);
    private readonly PriorityQueue<bool, DateTimeOffset> _jobSlots = new();
    private int _sequence;

    private readonly Lock _abuseGate = new();
    private readonly SlidingWindow _abuseWindow = new(Window);

    private readonly Lock _requestsGate = new();
    private readonly List<RecordedRequest> _requests = [];

    public FakeLumaApi(FakeLumaServerOptions options, ILogger logger, CancellationToken stopping)
    {
        _time = options.TimeProvider;
        _apiVersion = options.ApiVersion;
        _maxBodyBytes = options.MaxBodyBytes;
        _requestsPerMinute = options.RequestsPerMinute;
        _maxConcurrentJobs = options.MaxConcurrentJobs;
        _abuseRequestsPerMinute = options.AbuseRequestsPerMinute;
        _queuedFor = options.QueuedFor;
        _processingFor = options.ProcessingFor;
        _rejectAuthorizationOnDownloads = options.RejectAuthorizationOnDownloads;
        _outcomeSelector = options.OutcomeSelector;
        _apiKeys = new HashSet<string>(options.ApiKeys, StringComparer.Ordinal);
        _revokedKeys = new ConcurrentDictionary<string, bool>(options.RevokedApiKeys.Select(k => KeyValuePair.Create(k, true)), StringComparer.Ordinal);
        _stopping = stopping;
        _logger = logger;
        _validator = new RequestValidator(id => Store.Find(id) is not null);
        _urls = new PresignedUrls(options.OutputUrlLifetime);
        _imageFile = OutputFile.Png(options.OutputSizeBytes);
        _videoFile = OutputFile.Mp4(options.OutputSizeBytes);
    }

    public GenerationStore Store { get; } = new();

    public FakeFaultQueue Faults { get; } = new();

    public TimeProvider Time => _time;

    /// <summary>The scheme, host and port output URLs point to; set once Kestrel has bound its port.</summary>
    public string Origin { get; set; } = "http://127.0.0.1";

    public RecordedRequest[] Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    public void RevokeApiKey(string key) => _revokedKeys[key] = true;

    public StoredGeneration Seed(string id, DateTimeOffset createdAt, string model, string type, string? prompt, FakeOutcome outcome)
    {
        var generation = new StoredGeneration(id, createdAt, model, type, prompt, outcome, outcome.ResolveSteps(_queuedFor, _processingFor), null, null, null, 0);
        Store.Add(generation);
        return generation;
    }

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        DateTimeOffset receivedAt = _time.GetUtcNow();
        var route = Route.Parse(request.Method, request.Path.Value ?? "/");
        string requestId = request.Headers["X-Request-Id"] is { Count: > 0 } given && !string.IsNullOrEmpty(given[0]) ? given[0]! : Guid.NewGuid().ToString("D");
        FakeFault? fault = Faults.TryTake(route.Kind);
        CancellationToken aborted = context.RequestAborted;

        try
        {
            if (fault?.Kind == FakeFaultKind.DropConnection)
            {
                Drop(context, Record(request, route, string.Empty, receivedAt, fault, requestId));
                return;
            }

            byte[]? body = await ReadBodyAsync(request.BodyReader, aborted).ConfigureAwait(false);
            RecordedRequest record = Record(request, route, body is null ? string.Empty : Encoding.UTF8.GetString(body), receivedAt, fault, requestId);

            while (fault?.Kind == FakeFaultKind.Delay)
            {
                await DelayAsync(fault.DelayDuration, aborted).ConfigureAwait(false);
                fault = fault.Then;
                if (fault?.Kind == FakeFaultKind.DropConnection)
                {
                    Drop(context, record);
                    return;
                }
            }

            if (fault?.Kind == FakeFaultKind.Respond)
            {
                await SendAsync(context, record, SimulatedResponse.FromFault(fault), truncation: null).ConfigureAwait(false);
                return;
            }

            SimulatedResponse response = Handle(context, route, body, record);
            switch (fault?.Kind)
            {
                case FakeFaultKind.ProcessThenDrop:
                    Drop(context, record);
                    return;
                case FakeFaultKind.ProcessThenRespond:
                    response = SimulatedResponse.FromFault(fault);
                    break;
                case FakeFaultKind.ProcessThenDelay:
                    await DelayAsync(fault.DelayDuration, aborted).ConfigureAwait(false);
                    break;
            }

            await SendAsync(context, record, response, fault?.Kind == FakeFaultKind.TruncatedBody ? fault : null).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && (aborted.IsCancellationRequested || _stopping.IsCancellationRequested))
        {
            // The client went away or the server is stopping: close the connection rather than send an empty 200.
            context.Abort();
        }
    }

    /// <summary>Waits on the server's clock; ends early when the client gives up or the server stops.</summary>
    private async Task DelayAsync(TimeSpan delay, CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping);
        await Task.Delay(delay, _time, linked.Token).ConfigureAwait(false);
    }

    private SimulatedResponse Handle(HttpContext context, Route route, byte[]? body, RecordedRequest record)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (_abuseRequestsPerMinute is int abuseLimit && !AdmitUnderAbuseCeiling(abuseLimit, now, out long abuseRetryAfter))
        {
            return SimulatedResponse.Detail(429, FakeLumaServerDetails.TooManyRequests, [new("Retry-After", Text(abuseRetryAfter))]);
        }

        if (route.Kind == RouteKind.Download)
        {
            return HandleDownload(context.Request, route, record.RequestId, now);
        }

        if (route.IsWrongMethod)
        {
            return SimulatedResponse.Detail(405, FakeLumaServerDetails.MethodNotAllowed, [new("Allow", route.Allow!)]);
        }

        if (route.Kind == RouteKind.Other)
        {
            return SimulatedResponse.Detail(404, FakeLumaServerDetails.NotFound);
        }

        if (body is null)
        {
            return SimulatedResponse.Detail(413, $"{FakeLumaServerDetails.RequestBodyTooLarge} (limit {Text(_maxBodyBytes)} bytes)");
        }

        if (Authenticate(context.Request.Headers.Authorization) is { } authenticationFailure)
        {
            return SimulatedResponse.Detail(401, authenticationFailure, [new("WWW-Authenticate", "Bearer")]);
        }

        string apiKey = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        return route.Kind == RouteKind.Create ? HandleCreate(body, apiKey, record) : HandleGet(route.Id!, now);
    }

    private SimulatedResponse HandleCreate(byte[] body, string apiKey, RecordedRequest record)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return SimulatedResponse.Detail(400, FakeLumaServerDetails.InvalidJson);
        }

        if (parsed is not JsonObject request)
        {
            return SimulatedResponse.Detail(400, FakeLumaServerDetails.BodyNotAnObject);
        }

        ValidationOutcome validation = _validator.Validate(request);
        if (!validation.IsValid)
        {
            return SimulatedResponse.Detail(validation.Status, validation.Detail!);
        }

        StoredGeneration generation;
        List<KeyValuePair<string, string>>? headers = null;
        lock (_admissionGate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            int admitted = 0;
            if (_requestsPerMinute is int limit)
            {
                admitted = _requestsPerMinuteWindow.Count(now);
                if (admitted >= limit)
                {
                    DateTimeOffset agesOut = _requestsPerMinuteWindow.OldestAgesOutAt;
                    return SimulatedResponse.Detail(429, FakeLumaServerDetails.RateLimitExceeded,
                    [
                        new("Retry-After", Text(SlidingWindow.SecondsUntil(agesOut, now))),
                        new("X-RateLimit-Limit", Text(limit)),
                        new("X-RateLimit-Remaining", "0"),
                        new("X-RateLimit-Reset", Text(SlidingWindow.EpochSecondsCeiling(agesOut))),
                    ]);
                }
            }

            if (_maxConcurrentJobs is int maxJobs)
            {
                while (_jobSlots.TryPeek(out _, out DateTimeOffset releasedAt) && releasedAt <= now)
                {
                    _jobSlots.Dequeue();
                }

                if (_jobSlots.Count >= maxJobs)
                {
                    return SimulatedResponse.Detail(429, FakeLumaServerDetails.TooManyConcurrentJobs, [new("Retry-After", "60")]);
                }
            }

            string id = Guid.NewGuid().ToString("D");
            int sequence = _sequence + 1;
            FakeOutcome outcome;
            try
            {
                FakeOutcome defaultOutcome = OutcomeFromPrompt(validation.Prompt);
                outcome = _outcomeSelector?.Invoke(new FakeGenerationContext(request, validation.Prompt, validation.Model, validation.Type, sequence, apiKey, record.RequestId, now, defaultOutcome)) ?? defaultOutcome;
            }
            catch (Exception exception)
            {
                // Surface a broken selector to the test author instead of an empty 500.
                return SimulatedResponse.Detail(500, $"FakeLumaServer: the OutcomeSelector threw {exception.GetType().Name}: {exception.Message}");
            }

            _sequence = sequence;
            generation = new StoredGeneration(id, now, validation.Model, validation.Type, validation.Prompt, outcome, outcome.ResolveSteps(_queuedFor, _processingFor), record.Body, apiKey, record.RequestId, sequence);
            Store.Add(generation);
            record.SetGenerationId(id);

            if (_maxConcurrentJobs is not null)
            {
                _jobSlots.Enqueue(true, generation.SlotReleasedAt);
            }

            if (_requestsPerMinute is int rpm)
            {
                _requestsPerMinuteWindow.Add(now);
                headers =
                [
                    new("X-RateLimit-Limit", Text(rpm)),
                    new("X-RateLimit-Remaining", Text(Math.Max(0, rpm - admitted - 1))),
                    new("X-RateLimit-Reset", Text(SlidingWindow.EpochSecondsCeiling(now + Window))),
                ];
            }
        }

        headers ??= [];
        AddReadyIn(headers, generation, _time.GetUtcNow());
        return SimulatedResponse.Json(201, JsonBodies.Generation(generation, generation.InitialState, mintUrl: null), headers);
    }

    private SimulatedResponse HandleGet(string id, DateTimeOffset now)
    {
        if (Store.Find(id) is not { } generation)
        {
            return SimulatedResponse.Detail(404, FakeLumaServerDetails.GenerationNotFound);
        }

        string extension = generation.IsVideo ? _videoFile.Extension : _imageFile.Extension;
        List<KeyValuePair<string, string>> headers = [];
        AddReadyIn(headers, generation, now);
        return SimulatedResponse.Json(200, JsonBodies.Generation(generation, generation.StateAt(now), index => _urls.Mint(Origin, generation.Id, index, extension, now)), headers);
    }

    /// <summary>Tells a client that knows the simulator when the job will be done, so it need not wait the real API's delays.</summary>
    private static void AddReadyIn(List<KeyValuePair<string, string>> headers, StoredGeneration generation, DateTimeOffset now)
    {
        if (generation.FinishedAt is { } finished)
        {
            double seconds = Math.Max(0, (finished - now).TotalSeconds);
            headers.Add(new(FakeLumaServer.ReadyInHeader, seconds.ToString("0.###", CultureInfo.InvariantCulture)));
        }
    }

    private SimulatedResponse HandleDownload(HttpRequest request, Route route, string requestId, DateTimeOffset now)
    {
        if (_rejectAuthorizationOnDownloads && request.Headers.ContainsKey("Authorization"))
        {
            return StorageErrors.UnsupportedAuthorization(requestId);
        }

        string file = route.File!;
        int dot = file.LastIndexOf('.');
        string indexText = dot > 0 ? file[..dot] : file;
        string extension = dot > 0 ? file[(dot + 1)..] : string.Empty;
        switch (_urls.Check(route.Id!, indexText, extension, request.Query, now, out DateTimeOffset expiresAt))
        {
            case PresignedUrls.Verdict.Unsigned:
                return StorageErrors.AccessDenied("Query-string authentication requires the X-Amz-Signature, X-Amz-Security-Token and expires parameters", requestId);
            case PresignedUrls.Verdict.BadSignature:
                return StorageErrors.SignatureDoesNotMatch(requestId);
            case PresignedUrls.Verdict.Expired:
                return StorageErrors.AccessDenied("Request has expired", requestId, $"<Expires>{JsonBodies.FormatTimestamp(expiresAt)}</Expires><ServerTime>{JsonBodies.FormatTimestamp(now)}</ServerTime>");
        }

        int index = int.Parse(indexText, CultureInfo.InvariantCulture);
        if (Store.Find(route.Id!) is not { } generation || generation.StateAt(now) != "completed" || index >= generation.OutputCount)
        {
            return StorageErrors.NoSuchKey(requestId);
        }

        OutputFile output = generation.IsVideo ? _videoFile : _imageFile;
        return SimulatedResponse.Download(output,
        [
            new("ETag", $"\"{generation.Id.Replace("-", string.Empty, StringComparison.Ordinal)}{index}\""),
            new("Accept-Ranges", "none"),
            new("Cache-Control", "private, max-age=3600"),
            new("x-amz-request-id", requestId),
        ]);
    }

    private string? Authenticate(StringValues authorization)
    {
        string header = authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return FakeLumaServerDetails.MissingApiKey;
        }

        // The scheme is case-sensitive on the real server: "bearer x" is malformed, not merely unknown.
        if (authorization.Count != 1 || !header.StartsWith("Bearer ", StringComparison.Ordinal) || header.AsSpan("Bearer ".Length).Trim().IsEmpty)
        {
            return FakeLumaServerDetails.MalformedAuthorizationHeader;
        }

        string key = header["Bearer ".Length..].Trim();
        if (_revokedKeys.ContainsKey(key))
        {
            return FakeLumaServerDetails.RevokedApiKey;
        }

        return _apiKeys.Contains(key) ? null : FakeLumaServerDetails.InvalidApiKey;
    }

    private bool AdmitUnderAbuseCeiling(int limit, DateTimeOffset now, out long retryAfterSeconds)
    {
        lock (_abuseGate)
        {
            if (_abuseWindow.Count(now) >= limit)
            {
                retryAfterSeconds = SlidingWindow.SecondsUntil(_abuseWindow.OldestAgesOutAt, now);
                return false;
            }

            _abuseWindow.Add(now);
            retryAfterSeconds = 0;
            return true;
        }
    }

    private static FakeOutcome OutcomeFromPrompt(string? prompt) =>
        prompt is not null && prompt.Contains("[fail:", StringComparison.Ordinal) && FailMarker().Match(prompt) is { Success: true } match
            ? FakeOutcome.Failed(match.Groups[1].Value)
            : FakeOutcome.Completed();

    [GeneratedRegex(@"\[fail:([A-Za-z0-9_.\-]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex FailMarker();

    /// <summary>Reads the whole body, or drains it and returns <see langword="null"/> when it is larger than allowed.</summary>
    private async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length > _maxBodyBytes)
            {
                reader.AdvanceTo(result.Buffer.End);
                while (!result.IsCompleted)
                {
                    result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    reader.AdvanceTo(result.Buffer.End);
                }

                return null;
            }

            if (result.IsCompleted)
            {
                byte[] body = result.Buffer.IsEmpty ? EmptyBody : result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return body;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private RecordedRequest Record(HttpRequest request, Route route, string body, DateTimeOffset receivedAt, FakeFault? fault, string requestId)
    {
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in request.Headers)
        {
            headers[header.Key] = header.Value.Count == 1 ? header.Value[0] ?? string.Empty : string.Join(", ", (IEnumerable<string?>)header.Value);
        }

        string query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var record = new RecordedRequest(request.Method, request.Path.Value ?? "/", query, headers, body, receivedAt, route.Kind, fault, requestId);
        lock (_requestsGate)
        {
            _requests.Add(record);
        }

        if (fault is not null)
        {
            Log.FaultApplied(_logger, fault.ToString(), request.Method, record.Path, null);
        }

        return record;
    }

    private async Task SendAsync(HttpContext context, RecordedRequest record, SimulatedResponse simulated, FakeFault? truncation)
    {
        HttpResponse response = context.Response;
        response.StatusCode = simulated.StatusCode;
        if (simulated.IncludeApiHeaders)
        {
            response.Headers["X-Request-Id"] = record.RequestId;
            response.Headers["X-API-Version"] = _apiVersion;
        }

        foreach (KeyValuePair<string, string> header in simulated.Headers)
        {
            response.Headers.Append(header.Key, header.Value);
        }

        if (simulated.ContentType is not null)
        {
            response.ContentType = simulated.ContentType;
        }

        long length = simulated.Length;
        long send = length;
        bool drop = false;
        if (truncation is not null)
        {
            send = Math.Min(truncation.KeepBytes ?? (length / 2), length);
            drop = truncation.DropsConnection && send < length;
        }

        response.ContentLength = drop ? length : send;
        record.SetStatusCode(simulated.StatusCode);
        Log.Answered(_logger, record.Method, record.Path, simulated.StatusCode, null);

        if (!HttpMethods.IsHead(record.Method) && send > 0)
        {
            if (simulated.File is { } file)
            {
                await file.WriteAsync(response.Body, send, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                await response.Body.WriteAsync(simulated.Body[..(int)send], context.RequestAborted).ConfigureAwait(false);
            }
        }

        if (drop)
        {
            // Ending with fewer bytes than Content-Length makes Kestrel close the connection after sending what was
            // written; an abort would reset it and the client could lose the partial body it is meant to see.
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            record.MarkConnectionDropped();
            Log.Dropped(_logger, record.Method, record.Path, null);
        }
    }

    private void Drop(HttpContext context, RecordedRequest record)
    {
        record.MarkConnectionDropped();
        Log.Dropped(_logger, record.Method, record.Path, null);
        context.Abort();
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static class Log
    {
        public static readonly Action<ILogger, string, string, int, Exception?> Answered =
            LoggerMessage.Define<string, string, int>(LogLevel.Debug, new EventId(1, "Answered"), "{Method} {Path} answered {StatusCode}");

        public static readonly Action<ILogger, string, string, string, Exception?> FaultApplied =
            LoggerMessage.Define<string, string, string>(LogLevel.Information, new EventId(2, "FaultApplied"), "Scripted fault {Fault} applied to {Method} {Path}");

        public static readonly Action<ILogger, string, string, Exception?> Dropped =
            LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(3, "Dropped"), "Dropped the connection of {Method} {Path}");
    }
}
