using System.Net;

namespace LumaAgents;

/// <summary>
/// The options resolved once at construction: environment fallbacks applied, the key and URL checked, so a
/// misconfiguration fails at <c>new LumaClient()</c> with a message that says what to set, not at the first call.
/// </summary>
internal sealed class LumaClientSettings
{
    private LumaClientSettings(string apiKey, Uri baseUrl, LumaClientOptions options)
    {
        ApiKey = apiKey;
        BaseUrl = baseUrl;
        Options = options;
    }

    public string ApiKey { get; }

    /// <summary>Absolute, with a trailing slash so relative paths such as <c>generations</c> resolve under it.</summary>
    public Uri BaseUrl { get; }

    public LumaClientOptions Options { get; }

    public TimeProvider TimeProvider => Options.TimeProvider;

    public static LumaClientSettings Resolve(LumaClientOptions options, Func<string, string?> environment)
    {
        var apiKey = ResolveApiKey(options.ApiKey, environment);
        var baseUrl = ResolveBaseUrl(options.BaseUrl, environment);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new LumaConfigurationException($"LumaClientOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan); it is {options.Timeout}.");
        }

        if (options.TotalTimeout is { } total && total <= TimeSpan.Zero && total != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new LumaConfigurationException($"LumaClientOptions.TotalTimeout must be positive (or null for none); it is {total}.");
        }

        return new LumaClientSettings(apiKey, baseUrl, options);
    }

    private static string ResolveApiKey(string? configured, Func<string, string?> environment)
    {
        var source = "LumaClientOptions.ApiKey";
        var key = configured;
        if (string.IsNullOrWhiteSpace(key))
        {
            key = environment(LumaClientOptions.ApiKeyEnvironmentVariable);
            source = LumaClientOptions.ApiKeyEnvironmentVariable;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new LumaConfigurationException(
                $"No Luma API key. Set the {LumaClientOptions.ApiKeyEnvironmentVariable} environment variable, or pass the key "
                + "(new LumaClient(\"luma-api-…\") or LumaClientOptions.ApiKey). Keys are created in the Luma Agents dashboard.");
        }

        key = key!.Trim();
        if (key.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new LumaConfigurationException($"The API key in {source} starts with 'Bearer '; pass the key alone, without 'Bearer ' (the SDK adds the scheme).");
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c > '~')
            {
                throw new LumaConfigurationException(
                    $"The API key in {source} contains a space, control or non-ASCII character; copy the key again (it looks like luma-api-…).");
            }
        }

        return key;
    }

    private static Uri ResolveBaseUrl(Uri? configured, Func<string, string?> environment)
    {
        if (configured is not null)
        {
            return Check(configured, "LumaClientOptions.BaseUrl");
        }

        var text = environment(LumaClientOptions.BaseUrlEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return LumaClientOptions.DefaultBaseUrl;
        }

        text = text!.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || !IsHttp(parsed))
        {
            throw new LumaConfigurationException(
                $"{LumaClientOptions.BaseUrlEnvironmentVariable} ('{text}') is not an absolute http(s) URL; include the scheme, e.g. https://agents.lumalabs.ai/v1.");
        }

        return Check(parsed, LumaClientOptions.BaseUrlEnvironmentVariable);
    }

    private static Uri Check(Uri url, string source)
    {
        if (!url.IsAbsoluteUri || !IsHttp(url))
        {
            throw new LumaConfigurationException(
                $"{source} ('{url.OriginalString}') is not an absolute http(s) URL; include the scheme, e.g. https://agents.lumalabs.ai/v1.");
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new LumaConfigurationException($"{source} must not have a query or fragment; give the API root, e.g. https://agents.lumalabs.ai/v1.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            throw new LumaConfigurationException(
                $"{source} uses http for {url.Host}; the API key would travel unencrypted. Use https (http is allowed only for loopback hosts such as a local simulator).");
        }

        return url.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp;

    private static bool IsLoopback(Uri url)
        => url.IsLoopback
           || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
           || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
