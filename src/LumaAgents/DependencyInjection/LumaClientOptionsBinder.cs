using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LumaAgents;

/// <summary>
/// Reads <see cref="LumaClientOptions"/> from configuration by hand: no reflection (trim/AOT-safe), and a malformed
/// value fails with the exact key that holds it. TimeSpans use the usual <c>hh:mm:ss</c> form.
/// </summary>
internal static class LumaClientOptionsBinder
{
    public static void Bind(IConfiguration section, LumaClientOptions options)
    {
        var path = section is IConfigurationSection named ? named.Path : string.Empty;
        Text(section, "ApiKey", v => options.ApiKey = v);
        Read(section, path, "BaseUrl", ParseUrl, v => options.BaseUrl = v);
        Read(section, path, "Timeout", ParseTimeSpan, v => options.Timeout = v);
        Read(section, path, "TotalTimeout", ParseTimeSpan, v => options.TotalTimeout = v);
        Read(section, path, "ValidateRequests", ParseBool, v => options.ValidateRequests = v);
        Read(section, path, "ProactiveThrottling", ParseBool, v => options.ProactiveThrottling = v);
        Read(section, path, "MaxConcurrentJobs", ParseInt, v => options.MaxConcurrentJobs = v);
        Read(section, path, "DownloadTimeout", ParseTimeSpan, v => options.DownloadTimeout = v);
        Read(section, path, "StderrLogLevel", ParseLogLevel, v => options.StderrLogLevel = v);
        foreach (var header in section.GetSection("CustomHeaders").GetChildren())
        {
            if (header.Value is { } value)
            {
                options.CustomHeaders[header.Key] = value;
            }
        }

        var retry = section.GetSection("Retry");
        Read(retry, path, "Retry:MaxRetries", ParseInt, v => options.Retry.MaxRetries = v, "MaxRetries");
        Read(retry, path, "Retry:BaseDelay", ParseTimeSpan, v => options.Retry.BaseDelay = v, "BaseDelay");
        Read(retry, path, "Retry:MaxDelay", ParseTimeSpan, v => options.Retry.MaxDelay = v, "MaxDelay");
        Read(retry, path, "Retry:MaxServerDelay", ParseTimeSpan, v => options.Retry.MaxServerDelay = v, "MaxServerDelay");
        Read(retry, path, "Retry:RetryUncertainPosts", ParseBool, v => options.Retry.RetryUncertainPosts = v, "RetryUncertainPosts");

        options.ImageWait = Wait(section, path, "ImageWait", options.ImageWait);
        options.ImageMaxWait = Wait(section, path, "ImageMaxWait", options.ImageMaxWait);
        options.VideoWait = Wait(section, path, "VideoWait", options.VideoWait);
    }

    private static WaitOptions Wait(IConfiguration section, string path, string name, WaitOptions current)
    {
        var wait = section.GetSection(name);
        Read(wait, path, name + ":InitialDelay", ParseTimeSpan, v => current = current with { InitialDelay = v }, "InitialDelay");
        Read(wait, path, name + ":PollInterval", ParseTimeSpan, v => current = current with { PollInterval = v }, "PollInterval");
        Read(wait, path, name + ":Timeout", ParseTimeSpan, v => current = current with { Timeout = v }, "Timeout");
        Read(wait, path, name + ":ThrowOnFailure", ParseBool, v => current = current with { ThrowOnFailure = v }, "ThrowOnFailure");
        return current;
    }

    private static void Text(IConfiguration section, string key, Action<string> assign)
    {
        if (section[key] is { } value && value.Length > 0)
        {
            assign(value);
        }
    }

    private static void Read<T>(IConfiguration section, string path, string displayKey, Func<string, T?> parse, Action<T> assign, string? key = null)
        where T : struct
    {
        var text = section[key ?? displayKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var value = parse(text!.Trim());
        if (value is null)
        {
            throw new LumaConfigurationException(
                $"The configuration value '{Join(path, displayKey)}' ('{text}') is not a valid {Describe<T>()}.");
        }

        try
        {
            assign(value.Value);
        }
        catch (ArgumentException ex)
        {
            throw new LumaConfigurationException($"The configuration value '{Join(path, displayKey)}' ('{text}') is out of range: {ex.Message}");
        }
    }

    private static void Read(IConfiguration section, string path, string displayKey, Func<string, Uri?> parse, Action<Uri> assign)
    {
        if (section[displayKey] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        assign(parse(text.Trim()) ?? throw new LumaConfigurationException(
            $"The configuration value '{Join(path, displayKey)}' ('{text}') is not an absolute URL; include the scheme, e.g. https://agents.lumalabs.ai/v1."));
    }

    private static Uri? ParseUrl(string text) => Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;

    private static TimeSpan? ParseTimeSpan(string text)
        => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Microsoft.Extensions.Logging.LogLevel? ParseLogLevel(string text)
    {
        try
        {
            return LumaClientSettings.ParseLogLevel(text);
        }
        catch (LumaConfigurationException)
        {
            return Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(text, ignoreCase: true, out var level) ? level : null;
        }
    }

    private static bool? ParseBool(string text) => bool.TryParse(text, out var value) ? value : null;

    private static int? ParseInt(string text)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Describe<T>()
        => typeof(T) == typeof(TimeSpan) ? "time span (hh:mm:ss, e.g. 00:01:00)"
            : typeof(T) == typeof(bool) ? "boolean (true or false)"
            : typeof(T) == typeof(Microsoft.Extensions.Logging.LogLevel) ? "log level (off, error, warn, info or debug)"
            : "whole number";

    private static string Join(string path, string key) => path.Length == 0 ? key : path + ":" + key;
}
