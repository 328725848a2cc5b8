using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LumaAgents;

/// <summary>
/// The options resolved once at construction: environment fallbacks applied, the key and URL checked, so a
/// misconfiguration fails at <c>new LumaClient()</c> with a message that says what to set, not at the first call.
/// </summary>
internal sealed class LumaClientSettings
{
    private static readonly string[] ReservedHeaders = ["Authorization", "User-Agent", "X-Request-Id", "Host", "Content-Length", "Content-Type"];

    private LumaClientSettings(string apiKey, Uri baseUrl, LumaClientOptions options, IReadOnlyList<KeyValuePair<string, string>> customHeaders, LogLevel stderrLogLevel)
    {
        ApiKey = apiKey;
        BaseUrl = baseUrl;
        Options = options;
        CustomHeaders = customHeaders;
        StderrLogLevel = stderrLogLevel;
    }

    /// <summary>Headers for every API request (from the options or <c>LUMA_CUSTOM_HEADERS</c>), checked and copied.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CustomHeaders { get; }

    /// <summary>The stderr log level when no logger factory is set (<see cref="LogLevel.None"/>: off).</summary>
    public LogLevel StderrLogLevel { get; }

    /// <summary>Headers the SDK sets itself, which neither custom nor per-call headers may replace.</summary>
    public static bool IsReservedHeader(string name)
    {
        foreach (var reserved in ReservedHeaders)
        {
            if (string.Equals(name, reserved, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The SDK's logger: the configured factory's, else stderr at <see cref="StderrLogLevel"/>, else none.</summary>
    public ILogger CreateLogger()
        => Options.LoggerFactory?.CreateLogger("LumaAgents")
           ?? (StderrLogLevel == LogLevel.None ? NullLogger.Instance : new Diagnostics.StderrLogger(StderrLogLevel));

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

        if (options.DownloadTimeout is { } download && download <= TimeSpan.Zero && download != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new LumaConfigurationException($"LumaClientOptions.DownloadTimeout must be positive (or null for none); it is {download}.");
        }

        var customHeaders = ResolveCustomHeaders(options, environment);
        var logLevel = options.StderrLogLevel ?? ParseLogLevel(environment(LumaClientOptions.LogEnvironmentVariable));
        return new LumaClientSettings(apiKey, baseUrl, options, customHeaders, logLevel);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ResolveCustomHeaders(LumaClientOptions options, Func<string, string?> environment)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (options.CustomHeaders.Count > 0)
        {
            foreach (var header in options.CustomHeaders)
            {
                headers.Add(CheckHeader(header.Key, header.Value, "LumaClientOptions.CustomHeaders"));
            }

            return headers;
        }

        var text = environment(LumaClientOptions.CustomHeadersEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return headers;
        }

        var lines = text!.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new LumaConfigurationException(
                    $"{LumaClientOptions.CustomHeadersEnvironmentVariable} line {i + 1} is not 'Name: value'; give one header per line, e.g. X-Proxy-Route: eu.");
            }

            headers.Add(CheckHeader(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim(), $"{LumaClientOptions.CustomHeadersEnvironmentVariable} line {i + 1}"));
        }

        return headers;
    }

    // The value is never echoed: custom headers often carry credentials of a proxy.
    private static KeyValuePair<string, string> CheckHeader(string name, string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => c <= ' ' || c >= 127 || c is ':' or '(' or ')' or ',' or ';' or '"'))
        {
            throw new LumaConfigurationException($"{source}: '{name}' is not a valid header name.");
        }

        if (IsReservedHeader(name))
        {
            throw new LumaConfigurationException(
                $"{source}: {name} is set by the SDK and cannot be replaced (the API key goes in {LumaClientOptions.ApiKeyEnvironmentVariable} or LumaClientOptions.ApiKey).");
        }

        if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
        {
            throw new LumaConfigurationException($"{source}: the value of {name} contains a line break or NUL.");
        }

        return new KeyValuePair<string, string>(name, value);
    }

    /// <summary>Reads <c>LUMA_LOG</c>: off, error, warn, info, debug (the official SDKs' words; warning and information are accepted too).</summary>
    internal static LogLevel ParseLogLevel(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "off" or "none":
                return LogLevel.None;
            case "error":
                return LogLevel.Error;
            case "warn" or "warning":
                return LogLevel.Warning;
            case "info" or "information":
                return LogLevel.Information;
            case "debug" or "trace":
                return LogLevel.Debug;
            default:
                throw new LumaConfigurationException(
                    $"{LumaClientOptions.LogEnvironmentVariable} is '{text}'; use off, error, warn, info or debug.");
        }
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
