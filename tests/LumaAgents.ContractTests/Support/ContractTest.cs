using System.Text;
using System.Text.RegularExpressions;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;

namespace LumaAgents.ContractTests.Support;

/// <summary>
/// One WireMock server and one SDK client per test. The stubs are written from the API reference
/// (shared/reference/luma-agents-api.md): every API stub demands the headers the SDK must send, so a request that
/// differs in any of them is answered WireMock's 404 "No matching mapping found" and the test fails, twice over: the
/// call throws, and <see cref="AssertEveryRequestMatched"/> names the request and the matcher that refused it.
/// </summary>
public abstract class ContractTest : IDisposable
{
    /// <summary>The key every client sends (keys start with <c>luma-api-</c>).</summary>
    public const string ApiKey = "luma-api-contract-test-key";

    /// <summary>The SDK's User-Agent shape: <c>LumaAgents/&lt;semver&gt; (.NET &lt;runtime&gt;; &lt;os&gt;)</c>.</summary>
    public const string UserAgentPattern = @"^LumaAgents/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)? \(\.NET [^();]+; [^();]+\)$";

    /// <summary>A fresh request id per attempt: a UUID.</summary>
    public const string UuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /// <summary>Headers the SDK never sends to the API: the API has no idempotency key, and ours need not copy X-Stainless-*.</summary>
    private static readonly string[] NeverSentToApi = ["Idempotency-Key", "X-Idempotency-Key"];

    private LumaClient? _client;

    protected ContractTest()
    {
        Server = WireMockServer.Start();
    }

    protected WireMockServer Server { get; }

    /// <summary>The API root on the stub server, with <c>/v1</c> like the real one.</summary>
    protected Uri BaseUrl => new(Server.Url + "/v1/");

    /// <summary>A client with retries off (an error surfaces from its first answer) and no proactive throttling.</summary>
    protected LumaClient Client => _client ??= NewClient();

    /// <summary>A client against the stub server; by default no retries, zero backoff, server waits never slept on.</summary>
    protected LumaClient NewClient(Action<LumaClientOptions>? configure = null)
    {
        var options = new LumaClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = BaseUrl,
            Timeout = TimeSpan.FromSeconds(10),
            Retry = { MaxRetries = 0, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, MaxServerDelay = TimeSpan.Zero },
        };
        configure?.Invoke(options);
        var client = new LumaClient(options);
        _created.Add(client);
        return client;
    }

    private readonly List<LumaClient> _created = [];

    /// <summary>
    /// A request to the API as the reference says the SDK must send it: the method and path under <c>/v1</c>,
    /// <c>Authorization: Bearer &lt;key&gt;</c> (case-sensitive), the Accept header, the User-Agent shape and a UUID
    /// <c>X-Request-Id</c>.
    /// </summary>
    protected static IRequestBuilder Api(string method, string path, string accept = "application/json")
        => Request.Create()
            .UsingMethod(method)
            .WithPath("/v1" + path)
            .WithHeader("Authorization", false, new ExactMatcher("Bearer " + ApiKey))
            .WithHeader("Accept", false, new ExactMatcher(accept))
            .WithHeader("User-Agent", false, new RegexMatcher(UserAgentPattern))
            // WireMock looks header names up case-sensitively, and Kestrel reports this known header as X-Request-ID.
            .WithHeader("X-Request-ID", false, new RegexMatcher(UuidPattern));

    /// <summary>An API request with exactly this JSON body (deep equality, property order free) and <c>Content-Type: application/json</c>.</summary>
    protected static IRequestBuilder ApiJson(string method, string path, string json)
        => Api(method, path)
            .WithHeader("Content-Type", false, new ExactMatcher("application/json"))
            .WithBody(new JsonMatcher(json));

    /// <summary>Only these query parameters, with exactly these values (an empty list: no query at all).</summary>
    protected static Func<IDictionary<string, WireMockList<string>>, bool> ExactQuery(params (string Name, string Value)[] expected)
        => actual => actual.Count == expected.Length
            && expected.All(e => actual.TryGetValue(e.Name, out var values) && values.Count == 1 && values[0] == e.Value);

    /// <summary>A JSON answer with the headers every API response carries (<c>X-Request-Id</c>, <c>X-API-Version</c>).</summary>
    protected static IResponseBuilder Json(int status, string body, string requestId, params (string Name, string Value)[] headers)
    {
        var response = Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-Request-Id", requestId)
            .WithHeader("X-API-Version", "2026-04-01")
            .WithBody(body);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }

    /// <summary>
    /// Every request the server saw matched a stub, there were exactly <paramref name="expected"/> of them, and none
    /// to the API carried a header the SDK must not send (or a body on a GET/DELETE).
    /// </summary>
    protected void AssertEveryRequestMatched(int expected)
    {
        var entries = Server.LogEntries.ToList();
        var unmatched = entries.Where(e => e.MappingGuid is null || e.MappingGuid == Guid.Empty).ToList();
        Assert.True(unmatched.Count == 0, "Requests no stub matched:\n" + string.Join("\n", unmatched.Select(Describe)));
        Assert.True(entries.Count == expected, $"Expected {expected} request(s), the server saw {entries.Count}:\n" + string.Join("\n", entries.Select(Describe)));
        foreach (var entry in entries.Where(e => e.RequestMessage.Path.StartsWith("/v1/", StringComparison.Ordinal)))
        {
            var headers = entry.RequestMessage.Headers ?? new Dictionary<string, WireMockList<string>>();
            foreach (var name in NeverSentToApi)
            {
                Assert.False(HasHeader(headers, name), $"{entry.RequestMessage.Method} {entry.RequestMessage.Path} sent {name}:\n{Describe(entry)}");
            }

            Assert.DoesNotContain(headers.Keys, k => k.StartsWith("X-Stainless-", StringComparison.OrdinalIgnoreCase));
            if (entry.RequestMessage.Method is "GET" or "DELETE")
            {
                Assert.False(HasHeader(headers, "Content-Type"), $"{entry.RequestMessage.Method} {entry.RequestMessage.Path} sent a Content-Type:\n{Describe(entry)}");
                Assert.True(entry.RequestMessage.BodyAsBytes is null or { Length: 0 }, $"{entry.RequestMessage.Method} sent a body");
            }
        }
    }

    /// <summary>
    /// Runs an SDK call that must succeed; if it throws, the failure names every request no stub matched and why
    /// (WireMock answers those 404 "No matching mapping found", which alone would read like an SDK error).
    /// </summary>
    protected async Task<T> Succeeds<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (LumaException error)
        {
            throw new Xunit.Sdk.XunitException(UnmatchedReport(error));
        }
    }

    /// <inheritdoc cref="Succeeds{T}(Func{Task{T}})"/>
    protected async Task Succeeds(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (LumaException error)
        {
            throw new Xunit.Sdk.XunitException(UnmatchedReport(error));
        }
    }

    private string UnmatchedReport(LumaException error)
    {
        var unmatched = Server.LogEntries.Where(e => e.MappingGuid is null || e.MappingGuid == Guid.Empty).ToList();
        return $"The SDK call failed: {error.GetType().Name}: {error.Message}\nRequests no stub matched:\n" + string.Join("\n", unmatched.Select(Describe));
    }

    /// <summary>The requests to a path, in order.</summary>
    protected IReadOnlyList<ILogEntry> RequestsTo(string path)
        => Server.LogEntries.Where(e => e.RequestMessage.Path == path).ToList();

    protected static bool HasHeader(IDictionary<string, WireMockList<string>> headers, string name)
        => headers.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    protected static string? Header(ILogEntry entry, string name)
        => entry.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>A request as the server saw it, with the stub that came closest and the matchers that refused it.</summary>
    protected static string Describe(ILogEntry entry)
    {
        var request = entry.RequestMessage;
        var text = new StringBuilder();
        text.Append("  ").Append(request.Method).Append(' ').Append(request.Url).AppendLine();
        foreach (var header in request.Headers ?? new Dictionary<string, WireMockList<string>>())
        {
            var value = string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase) ? "(redacted)" : string.Join(", ", header.Value);
            text.Append("    ").Append(header.Key).Append(": ").Append(value).AppendLine();
        }

        if (request.Body is { Length: > 0 } body)
        {
            text.Append("    body: ").Append(body.Length > 2000 ? body[..2000] + "…" : body).AppendLine();
        }

        if (entry.PartialMatchResult is { } partial)
        {
            var refused = partial.MatchDetails.Where(d => d.Score < 1.0).Select(d => d.Name ?? d.MatcherType.Name);
            text.Append("    closest stub: ").Append(entry.PartialMappingTitle ?? entry.PartialMappingGuid?.ToString())
                .Append("; refused by: ").Append(string.Join(", ", refused)).AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Collapses whitespace so a documented JSON example can be written readably.</summary>
    protected static string Compact(string json) => Regex.Replace(json, @"\s+(?=(?:[^""]*""[^""]*"")*[^""]*$)", string.Empty);

    /// <summary>Releases what a derived test set up beside the server and clients.</summary>
    protected virtual void DisposeResources()
    {
    }

    public void Dispose()
    {
        DisposeResources();
        foreach (var client in _created)
        {
            client.Dispose();
        }

        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
