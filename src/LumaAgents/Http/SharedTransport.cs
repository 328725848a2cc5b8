namespace LumaAgents;

/// <summary>
/// One connection pool per process for every client the SDK builds itself: no socket exhaustion however many
/// clients are created, and pooled connections are recycled so DNS changes are honoured. Never disposed.
/// </summary>
internal static class SharedTransport
{
    private static readonly Lazy<HttpMessageHandler> Api = new(CreateApiHandler);

    public static HttpMessageHandler ApiHandler => Api.Value;

    private static HttpMessageHandler CreateApiHandler()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
#else
        // netstandard2.0 has no SocketsHttpHandler; on .NET Core 2.1+ this handler wraps one anyway.
        return new HttpClientHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
#endif
    }
}
