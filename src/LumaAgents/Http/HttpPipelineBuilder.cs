namespace LumaAgents;

/// <summary>
/// Assembles the handler chain, outer to inner: retry (fresh request id per attempt, optional total timeout) →
/// proactive rate limiting of creates → per-attempt timeout, body read and logging → transport. With dependency
/// injection the same three handlers are registered on the IHttpClientFactory builder instead.
/// </summary>
internal static class HttpPipelineBuilder
{
    public static HttpMessageHandler Build(LumaClientComponents components, HttpMessageHandler transport)
        => new RetryHandler(components, new RateLimitHandler(components, new AttemptHandler(components, transport)));
}
