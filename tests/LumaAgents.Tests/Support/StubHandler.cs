using System.Net;
using System.Text;

namespace LumaAgents.Tests.Support;

/// <summary>An in-memory HTTP endpoint: answers from a function and records what it was sent.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _respond;
    private readonly List<RecordedCall> _calls = [];

    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) => _respond = respond;

    public StubHandler(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null)
        : this((_, _) => Json(status, body, configure))
    {
    }

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToArray();
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        int attempt;
        lock (_calls)
        {
            _calls.Add(new RecordedCall(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(h.Key == "User-Agent" ? " " : ",", h.Value), StringComparer.OrdinalIgnoreCase), body));
            attempt = _calls.Count;
        }

        var response = _respond(request, attempt);
        response.RequestMessage = request;
        return response;
    }

    public sealed record RecordedCall(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);
}
