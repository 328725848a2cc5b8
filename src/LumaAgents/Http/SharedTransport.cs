namespace LumaAgents;

/// <summary>
/// One connection pool per process for every client the SDK builds itself: no socket exhaustion however many
/// clients are created, and pooled connections are recycled so DNS changes are honoured. Never disposed.
/// </summary>
internal static class SharedTransport
{
    private static readonly Lazy<HttpMessageHandler> Api = new(CreateApiHandler);
    private static readonly Lazy<HttpMessageHandler> Downloads = new(CreateDownloadHandler);

    public static HttpMessageHandler ApiHandler => Api.Value;

    /// <summary>
    /// For presigned output URLs: a pool of its own, so no API credential or handler ever touches them, and
    /// redirects left to <see cref="StorageClient"/> (which follows only http(s), never downgrading). Bodies are streamed as they are, not decompressed.
    /// </summary>
    public static HttpMessageHandler DownloadHandler => Downloads.Value;

    private static HttpMessageHandler CreateDownloadHandler()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 64,
        };
#else
        return new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64 };
#endif
    }

    public static HttpMessageHandler CreateApiHandler()
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

            // Bounded so a burst of thousands of calls queues for a connection instead of exhausting sockets;
            // over HTTP/2 (negotiated with the real API) many requests share each connection anyway.
            MaxConnectionsPerServer = 512,
            EnableMultipleHttp2Connections = true,
        };
#else
        // netstandard2.0 has no SocketsHttpHandler; on .NET Core 2.1+ this handler wraps one anyway.
        return new HttpClientHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 512,
        };
#endif
    }
}
