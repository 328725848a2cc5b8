namespace LumaAgents;

/// <summary>
/// The innermost step when the caller brings their own <see cref="HttpClient"/>: each attempt goes through it.
/// HttpClient refuses to send one request message twice, so each retry sends a copy that shares the (replayable)
/// content; the first attempt sends the original. The caller's client is never disposed by us.
/// </summary>
internal sealed class HttpClientTransport : HttpMessageHandler
{
    private readonly HttpClient _client;

    public HttpClientTransport(HttpClient client) => _client = client;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RequestContext.For(request) is not { Attempts: > 1 })
        {
            return _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version };
#if NET5_0_OR_GREATER
        copy.VersionPolicy = request.VersionPolicy;
#endif
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // The copy is not disposed: disposing it would dispose the shared content that a retry may send again.
        return _client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
