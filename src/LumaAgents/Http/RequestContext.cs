namespace LumaAgents;

/// <summary>What the pipeline's handlers need to know about one logical call; carried by <see cref="LumaRequestMessage"/>.</summary>
internal sealed class RequestContext
{
    private int _attempts;

    public RequestContext(bool isCreate, RequestOptions? options, ResponseReader? reader = null)
    {
        IsCreate = isCreate;
        Options = options;
        Reader = reader;
    }

    /// <summary>Reads a successful body inside the attempt; null to leave the body to the caller.</summary>
    public ResponseReader? Reader { get; }

    /// <summary>Whether the call creates a billed generation (retried only where that is surely safe).</summary>
    public bool IsCreate { get; }

    /// <summary>The caller's overrides, if any.</summary>
    public RequestOptions? Options { get; }

    /// <summary>Attempts made so far (1 after the first send).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The X-Request-Id of the latest attempt.</summary>
    public string? LastRequestId { get; private set; }

    public int NextAttempt() => Interlocked.Increment(ref _attempts);

    public void RecordRequestId(string requestId) => LastRequestId = requestId;

    /// <summary>The context of a request the SDK made, or null for any other request.</summary>
    public static RequestContext? For(HttpRequestMessage request) => (request as LumaRequestMessage)?.Context;
}
