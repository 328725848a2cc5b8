using System.Text.RegularExpressions;

namespace LumaAgents.Mcp.Safety;

/// <summary>
/// The last line of defence for the API key: every tool result and every log line passes through here, and any
/// occurrence of the key (as typed, or JSON-escaped) becomes <c>[redacted]</c>. Log lines also lose the query string
/// of any URL, because presigned output URLs carry their credential there. Nothing we write should contain either;
/// this makes sure a message from a library we do not control cannot leak them.
/// </summary>
internal sealed partial class SecretScrubber
{
    public const string Redacted = "[redacted]";

    private readonly string[] _secrets;

    /// <param name="secrets">The keys to hide (nulls and blanks are skipped): the one in use and any other seen.</param>
    public SecretScrubber(params string?[] secrets)
    {
        _secrets =
        [
            .. secrets
                .Select(s => s?.Trim())
                .Where(s => !string.IsNullOrEmpty(s))
                .SelectMany(s => new[] { s!, System.Text.Json.JsonEncodedText.Encode(s!).Value })
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length),
        ];
    }

    /// <summary>The text without the API key.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>The text without the API key and without the query string of any URL in it (for logs).</summary>
    public string ScrubForLog(string text) => UrlQuery().Replace(Scrub(text), "$1?" + Redacted);

    [GeneratedRegex(@"(https?://[^\s?#""']+)\?[^\s#""']*", RegexOptions.CultureInvariant)]
    private static partial Regex UrlQuery();
}
