namespace LumaAgents;

/// <summary>
/// Assembles the handler chain, outer to inner: retry (fresh request id per attempt, optional total timeout) →
/// proactive rate limiting of creates → per-attempt timeout and body read → transport.
/// </summary>
internal static class HttpPipelineBuilder
{
    public static HttpMessageHandler Build(LumaClientSettings settings, HttpMessageHandler transport)
    {
        HttpMessageHandler chain = new AttemptHandler(settings.TimeProvider, settings.Options.Timeout, transport);
        if (settings.Options.ProactiveThrottling)
        {
            chain = new RateLimitHandler(new RateLimitGate(settings.TimeProvider), chain);
        }

        return new RetryHandler(settings, chain);
    }
}
