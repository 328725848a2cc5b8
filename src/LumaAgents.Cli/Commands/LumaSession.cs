namespace LumaAgents.Cli.Commands;

/// <summary>A client and the <see cref="HttpClient"/> it sends through; the SDK never disposes a caller's client, so this does.</summary>
internal sealed class LumaSession : IDisposable
{
    private readonly HttpClient _http;

    public LumaSession(LumaClient client, HttpClient http)
    {
        Client = client;
        _http = http;
    }

    public LumaClient Client { get; }

    public GenerationsClient Generations => Client.Generations;

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
