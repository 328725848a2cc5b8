namespace LumaAgents;

/// <summary>What one logical call has learned so far; carried by <see cref="LumaRequestMessage"/> for user handlers and telemetry.</summary>
internal sealed class RequestContext
{
    public RequestContext(ApiCall call) => Call = call;

    public ApiCall Call { get; }

    /// <summary>Whether the call creates a billed generation (retried only where that is surely safe).</summary>
    public bool IsCreate => Call.Operation == ApiOperation.CreateGeneration;

    /// <summary>The caller's overrides, if any.</summary>
    public RequestOptions? Options => Call.Options;

    /// <summary>Attempts made so far (1 after the first send).</summary>
    public int Attempts { get; private set; }

    /// <summary>The X-Request-Id of the latest attempt.</summary>
    public string? LastRequestId { get; private set; }

    /// <summary>What the latest response said, read once.</summary>
    public ResponseFacts? LastFacts { get; set; }

    /// <summary>Counts an attempt and stamps its fresh <c>X-Request-Id</c> (a caller's id for the first, suffixed on retries).</summary>
    public string NextAttempt()
    {
        Attempts++;
        string? callerId = null;
        Options?.Headers.TryGetValue("X-Request-Id", out callerId);
        LastRequestId = callerId is null ? Guid.NewGuid().ToString() : Attempts == 1 ? callerId : callerId + "-retry" + (Attempts - 1);
        return LastRequestId;
    }

    /// <summary>The context of a request the SDK made, or null for any other request.</summary>
    public static RequestContext? For(HttpRequestMessage request) => (request as LumaRequestMessage)?.Context;
}
