using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Files;

/// <summary>
/// An in-memory files API and storage host in one handler, for the SDK's own behaviour around faults that are easiest
/// to script here (a 413 on the inline body, a 403 for an expired PUT, a storage host that stops reading). It records
/// every exchange. The simulator (<c>FakeLumaServer</c>) is the faithful one; these tests are about the client.
/// </summary>
internal sealed class ScriptedFilesApi : HttpMessageHandler
{
    public const string ApiHost = "api.test";
    public const string StorageHost = "storage.test";
    public const string Signature = "X-Sig=s3cr3t-signature";

    private readonly List<Exchange> _exchanges = [];
    private readonly Dictionary<string, JsonObject> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _polls = new(StringComparer.Ordinal);
    private int _next;

    private readonly LumaAgents.Testing.InFlightCounter _counter;

    public ScriptedFilesApi()
    {
        _counter = new LumaAgents.Testing.InFlightCounter(this);
    }

    public static Uri BaseUrl { get; } = new("https://" + ApiHost + "/v1");

    /// <summary>The virtual clock of the API and of the clients it makes.</summary>
    public LumaAgents.Testing.ManualTimeProvider Time { get; } = new();

    /// <summary>Answers an exchange before the default behaviour does (null: let it); may read or stall the body.</summary>
    public Func<Exchange, CancellationToken, Task<HttpResponseMessage?>>? Fault { get; set; }

    /// <summary>How many reads of a file answer <c>pending</c> before it is ready (or failed).</summary>
    public int PendingReads { get; set; } = 1;

    /// <summary>Ingest fails with this reason instead of becoming ready.</summary>
    public string? FailureReason { get; set; }

    /// <summary>How long a presigned URL lives (negative: already expired when the create answers).</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Keep the bytes of uploads to storage (off for huge ones: only their length is counted, their pattern checked).</summary>
    public bool KeepBodies { get; set; } = true;

    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToArray();
            }
        }
    }

    public IEnumerable<Exchange> Puts => Exchanges.Where(e => e.Uri.Host == StorageHost);

    public IEnumerable<Exchange> Creates => Exchanges.Where(e => e.Method == HttpMethod.Post && e.Uri.AbsolutePath == "/v1/files");

    /// <summary>
    /// A client for this API, which is both its API transport and its storage transport, on <see cref="Time"/>. No
    /// retries and no attempt timeout unless the test asks (time jumps while a request is on the wire otherwise).
    /// </summary>
    public LumaClient Client(Action<LumaClientOptions>? configure = null)
    {
        var options = new LumaClientOptions { ApiKey = Support.TestClients.ApiKey, BaseUrl = BaseUrl, TimeProvider = Time, Timeout = Timeout.InfiniteTimeSpan };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return new LumaClient(options, new HttpClient(_counter), Support.TestClients.NoEnvironment, downloadTransport: _counter);
    }

    /// <summary>Runs the task to completion in virtual time, the clock jumping only while no request is in flight.</summary>
    public Task<T> RunAsync<T>(Task<T> task) => Time.RunUntilCompleteAsync(task, () => _counter.IsBusy);

    /// <summary>Like <see cref="RunAsync{T}(Task{T})"/>, for a task without a result.</summary>
    public Task RunAsync(Task task) => Time.RunUntilCompleteAsync(task, () => _counter.IsBusy);

    /// <summary>Adds a file as if uploaded earlier (for listings).</summary>
    public string Seed(string state = "ready", string purpose = "input", DateTimeOffset? createdAt = null)
    {
        var id = NewId();
        lock (_files)
        {
            _files[id] = FileJson(id, "image/png", 10, "seed.png", purpose, state, createdAt ?? Time.GetUtcNow());
        }

        return id;
    }

    public static async Task<byte[]> ReadAllAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var exchange = new Exchange(request, this);
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        if (Fault is { } fault && await fault(exchange, cancellationToken) is { } scripted)
        {
            scripted.RequestMessage = request;
            return scripted;
        }

        var response = await DefaultAsync(exchange, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private async Task<HttpResponseMessage> DefaultAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        var path = exchange.Uri.AbsolutePath;
        if (exchange.Uri.Host == StorageHost)
        {
            await exchange.ReadBodyAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        if (exchange.Method == HttpMethod.Post && path == "/v1/files")
        {
            return await CreateAsync(exchange, cancellationToken);
        }

        if (exchange.Method == HttpMethod.Get && path == "/v1/files")
        {
            return List(exchange.Uri);
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 3 || segments[1] != "files" || !_files.TryGetValue(segments[2], out var file))
        {
            return Json(HttpStatusCode.NotFound, new JsonObject { ["detail"] = "File not found" });
        }

        var id = segments[2];
        if (exchange.Method == HttpMethod.Post && segments.Length == 4 && segments[3] == "complete")
        {
            return Json(HttpStatusCode.OK, file);
        }

        if (exchange.Method == HttpMethod.Get && segments.Length == 3)
        {
            lock (_polls)
            {
                var polls = _polls.TryGetValue(id, out var n) ? n + 1 : 1;
                _polls[id] = polls;
                if ((string?)file["state"] == "pending" && polls > PendingReads)
                {
                    file["state"] = FailureReason is null ? "ready" : "failed";
                    if (FailureReason is not null)
                    {
                        file["failure_reason"] = FailureReason;
                    }
                }
            }

            return Json(HttpStatusCode.OK, file);
        }

        if (exchange.Method == HttpMethod.Delete && segments.Length == 3)
        {
            file["state"] = "deleted";
            file["deleted_at"] = Stamp(Time.GetUtcNow());
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        return Json(HttpStatusCode.MethodNotAllowed, new JsonObject { ["detail"] = "Method not allowed" });
    }

    private async Task<HttpResponseMessage> CreateAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        var id = NewId();
        var now = Time.GetUtcNow();
        if (exchange.IsMultipart)
        {
            await exchange.ReadBodyAsync(cancellationToken);
            var fields = exchange.FormFields;
            var part = exchange.FilePart!;
            var inline = FileJson(id, part.ContentType, part.Length, part.FileName, fields.GetValueOrDefault("purpose") ?? "input", "pending", now);
            lock (_files)
            {
                _files[id] = inline;
            }

            return Json(HttpStatusCode.Created, new JsonObject { ["id"] = id, ["state"] = "pending", ["file"] = inline.DeepClone(), ["upload"] = null });
        }

        await exchange.ReadBodyAsync(cancellationToken);
        var body = JsonNode.Parse(exchange.Body!)!.AsObject();
        var file = FileJson(id, (string)body["mime_type"]!, (long)body["size_bytes"]!, (string?)body["filename"], (string?)body["purpose"] ?? "input", "pending", now);
        lock (_files)
        {
            _files[id] = file;
        }

        var upload = new JsonObject
        {
            ["url"] = $"https://{StorageHost}/bucket/{id}?{Signature}",
            ["method"] = "PUT",
            ["headers"] = new JsonObject { ["Content-Type"] = (string)body["mime_type"]!, ["x-amz-meta-file-id"] = id },
            ["expires_at"] = Stamp(now + UploadLifetime),
        };
        return Json(HttpStatusCode.Created, new JsonObject { ["id"] = id, ["state"] = "pending", ["file"] = file.DeepClone(), ["upload"] = upload });
    }

    private HttpResponseMessage List(Uri uri)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var limit = query["limit"] is { } l ? int.Parse(l, CultureInfo.InvariantCulture) : 25;
        List<JsonObject> matching;
        lock (_files)
        {
            matching = _files.Values
                .Where(f => query["purpose"] is not { } p || (string?)f["purpose"] == p)
                .Where(f => query["state"] is not { } s || (string?)f["state"] == s)
                .OrderByDescending(f => (string)f["created_at"]!, StringComparer.Ordinal)
                .ThenByDescending(f => (string)f["id"]!, StringComparer.Ordinal)
                .ToList();
        }

        var start = query["cursor"] is { } cursor ? matching.FindIndex(f => (string)f["id"]! == cursor) + 1 : 0;
        var page = matching.Skip(start).Take(limit).ToList();
        var hasMore = start + page.Count < matching.Count;
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["data"] = new JsonArray(page.Select(f => (JsonNode)f.DeepClone()).ToArray()),
            ["has_more"] = hasMore,
            ["next_cursor"] = hasMore ? (string)page[^1]["id"]! : null,
        });
    }

    private string NewId() => "f" + Interlocked.Increment(ref _next).ToString("D4", CultureInfo.InvariantCulture) + "-0000-4000-8000-000000000000";

    private static JsonObject FileJson(string id, string mime, long size, string? name, string purpose, string state, DateTimeOffset createdAt) => new()
    {
        ["id"] = id,
        ["created_at"] = Stamp(createdAt),
        ["mime_type"] = mime,
        ["purpose"] = purpose,
        ["size_bytes"] = size,
        ["state"] = state,
        ["filename"] = name,
    };

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static HttpResponseMessage Json(HttpStatusCode status, JsonNode body)
        => new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    /// <summary>One request as the handler saw it; its body is read on demand (so a fault can stall instead).</summary>
    public sealed class Exchange
    {
        private readonly HttpRequestMessage _request;
        private readonly ScriptedFilesApi _api;

        public Exchange(HttpRequestMessage request, ScriptedFilesApi api)
        {
            _request = request;
            _api = api;
            Method = request.Method;
            Uri = request.RequestUri!;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            if (request.Content is { } content)
            {
                foreach (var header in content.Headers)
                {
                    headers[header.Key] = string.Join(",", header.Value);
                }

                // Computed on demand, as the transport asks for it.
                if (content.Headers.ContentLength is { } length)
                {
                    headers["Content-Length"] = length.ToString(CultureInfo.InvariantCulture);
                }
            }

            Headers = headers;
            IsMultipart = request.Content is MultipartFormDataContent;
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public bool IsMultipart { get; }

        public long BodyLength { get; private set; }

        /// <summary>For a counted body: whether it was the <see cref="GeneratedStream"/> pattern throughout.</summary>
        public bool MatchesPattern { get; private set; }

        public byte[]? Body { get; private set; }

        public Dictionary<string, string> FormFields { get; } = new(StringComparer.Ordinal);

        public FilePartInfo? FilePart { get; private set; }

        public HttpContent? Content => _request.Content;

        /// <summary>Reads the body: a multipart one part by part, any other counted (and kept unless told not to).</summary>
        public async Task ReadBodyAsync(CancellationToken cancellationToken)
        {
            if (_request.Content is MultipartFormDataContent form)
            {
                foreach (var part in form)
                {
                    var disposition = part.Headers.ContentDisposition!;
                    var name = disposition.Name!.Trim('"');
                    var bytes = await ReadAllAsync(part, cancellationToken);
                    if (name == "file")
                    {
                        FilePart = new FilePartInfo(disposition.FileName?.Trim('"') ?? string.Empty, part.Headers.ContentType?.ToString() ?? string.Empty, bytes.Length, bytes);
                    }
                    else
                    {
                        FormFields[name] = Encoding.UTF8.GetString(bytes);
                    }
                }

                return;
            }

            if (_request.Content is null)
            {
                return;
            }

            if (_api.KeepBodies || Uri.Host != StorageHost)
            {
                Body = await ReadAllAsync(_request.Content, cancellationToken);
                BodyLength = Body.Length;
            }
            else
            {
                var sink = new CountingStream { CheckPattern = true };
                await _request.Content.CopyToAsync(sink, cancellationToken);
                BodyLength = sink.Length;
                MatchesPattern = sink.MatchesPattern;
            }
        }
    }

    public sealed record FilePartInfo(string FileName, string ContentType, long Length, byte[] Bytes);
}
