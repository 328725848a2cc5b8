namespace LumaAgents;

/// <summary>
/// The SDK's request message, carrying its <see cref="RequestContext"/>. A subclass rather than an entry in
/// <c>HttpRequestMessage.Options</c>: that is a dictionary allocated per request and looked up by every handler.
/// </summary>
internal sealed class LumaRequestMessage : HttpRequestMessage
{
    public LumaRequestMessage(HttpMethod method, Uri url, RequestContext context)
        : base(method, url)
    {
        Context = context;
    }

    public RequestContext Context { get; }
}
