using Microsoft.AspNetCore.Http;

namespace LumaAgents.Testing.Internal;

/// <summary>What a route handler gets: the request, its buffered body (for routes that buffer), the caller's key and the time.</summary>
internal readonly record struct RouteRequest(HttpContext Context, Route Route, byte[]? Body, RecordedRequest Record, string ApiKey, DateTimeOffset Now)
{
    public HttpRequest Http => Context.Request;
}
