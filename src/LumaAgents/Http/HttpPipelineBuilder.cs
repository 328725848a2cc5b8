namespace LumaAgents;

/// <summary>
/// Assembles the handler chain, outer to inner: per-attempt timeout and body read, then the transport.
/// </summary>
internal static class HttpPipelineBuilder
{
    public static HttpMessageHandler Build(LumaClientSettings settings, HttpMessageHandler transport)
        => new AttemptHandler(settings.TimeProvider, settings.Options.Timeout, transport);
}
