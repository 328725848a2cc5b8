namespace LumaAgents.Tests.Support;

/// <summary>Builds clients for tests without touching the process environment.</summary>
public static class TestClients
{
    public const string ApiKey = "luma-api-test-0123456789";

    public static readonly Func<string, string?> NoEnvironment = _ => null;

    public static LumaClient WithHandler(HttpMessageHandler handler, Action<LumaClientOptions>? configure = null)
    {
        // No retries unless a test asks for them: retry behaviour has its own tests, in virtual time.
        var options = new LumaClientOptions { ApiKey = ApiKey, BaseUrl = new Uri("https://api.test/v1") };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return new LumaClient(options, new HttpClient(handler), NoEnvironment);
    }

    public static Func<string, string?> Environment(params (string Name, string? Value)[] variables)
        => name => variables.FirstOrDefault(v => v.Name == name).Value;
}
