using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace LumaAgents.Benchmarks;

/// <summary>
/// An in-memory API: answers <c>POST</c> with 201 and a queued generation, anything else with 200 and a completed one,
/// with the headers the real API sends. Every response is new, with fresh content, as a socket handler's would be,
/// so neither side of a comparison can reuse work from an earlier call.
/// </summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    // The real API reports its requests-per-minute window on every 201, and the SDK enforces it (60 a minute would hold
    // the benchmark to one create a second). A window this client cannot use up keeps the headers and their parsing
    // while the gate never holds a create back: the benchmark measures the pipeline, not the limit.
    private const string Limit = "1000000000";
    private const string Remaining = "999999999";
    private static readonly string ResetEpochSeconds = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private long _requests;

    /// <summary>How many requests it answered; a benchmark checks it to be sure nothing was served from elsewhere.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var isCreate = request.Method == HttpMethod.Post;
        var content = new ByteArrayContent(isCreate ? Payloads.QueuedBody : Payloads.CompletedBody);
        content.Headers.ContentType = Json;
        var response = new HttpResponseMessage(isCreate ? HttpStatusCode.Created : HttpStatusCode.OK)
        {
            Content = content,
            RequestMessage = request,
        };

        // Raw values, the way SocketsHttpHandler stores headers it receives: parsed lazily, only when read.
        var headers = response.Headers;
        headers.TryAddWithoutValidation("Date", "Wed, 08 Apr 2026 12:00:00 GMT");
        headers.TryAddWithoutValidation("X-Request-Id", request.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.First() : Guid.NewGuid().ToString());
        headers.TryAddWithoutValidation("X-API-Version", "2026-04-01");
        if (isCreate)
        {
            headers.TryAddWithoutValidation("X-RateLimit-Limit", Limit);
            headers.TryAddWithoutValidation("X-RateLimit-Remaining", Remaining);
            headers.TryAddWithoutValidation("X-RateLimit-Reset", ResetEpochSeconds);
        }

        return Task.FromResult(response);
    }
}
