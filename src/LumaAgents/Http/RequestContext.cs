namespace LumaAgents;

/// <summary>What the pipeline's handlers need to know about one logical call, carried on the request message.</summary>
internal sealed class RequestContext
{
    private const string Key = "LumaAgents.RequestContext";

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<RequestContext> OptionsKey = new(Key);
#endif

    /// <summary>The per-attempt timeout for this call, or null for the client's.</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    public static RequestContext? For(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(OptionsKey, out var context) ? context : null;
#else
        return request.Properties.TryGetValue(Key, out var value) ? value as RequestContext : null;
#endif
    }

    public void AttachTo(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(OptionsKey, this);
#else
        request.Properties[Key] = this;
#endif
    }
}
