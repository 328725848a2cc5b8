using System.Text.RegularExpressions;

namespace LumaAgents.Cli.Errors;

/// <summary>
/// The SDK speaks C# (<c>LumaClientOptions.ApiKey</c>, <c>Source</c>, <c>CreateAsync</c>); a command-line user types
/// flags and environment variables. This maps the one to the other in messages the SDK wrote.
/// </summary>
internal static partial class UserWords
{
    private static readonly (string Sdk, string User)[] Names =
    [
        ("LumaClientOptions.Timeout (or RequestOptions.Timeout for one call)", "--request-timeout"),
        ("LumaClientOptions.Timeout", "--request-timeout"),
        ("LumaClientOptions.TotalTimeout", "--timeout"),
        ("LumaClientOptions.ApiKey", "--api-key (or LUMA_AGENTS_API_KEY)"),
        ("LumaClientOptions.BaseUrl", "--base-url (or LUMA_BASE_URL)"),
        ("new LumaClient(\"luma-api-…\") or ", string.Empty),
        ("the id returned by CreateAsync", "the id printed by `luma generations create`"),
        ("CreateAsync", "`luma generations create`"),
        ("set Source to", "pass --source with"),
        ("ImageRefs", "--image-ref"),
        ("pass the media type, for example with UploadAsync(stream, fileName, \"image/png\")", "pass it with --mime-type, for example --mime-type image/png"),
    ];

    /// <summary>The message with SDK member names replaced by the flags and variables that set them.</summary>
    public static string Rewrite(string message)
    {
        foreach (var (sdk, user) in Names)
        {
            message = message.Replace(sdk, user, StringComparison.Ordinal);
        }

        return PascalSource().Replace(message, "--source");
    }

    /// <summary>
    /// The flag for a wire path: <c>video.end_frame</c> is <c>--video.end-frame</c>; an indexed path keeps its index
    /// (<c>--image-ref (image_ref[1].url)</c>) so the entry can be found.
    /// </summary>
    public static string Flag(string wirePath)
    {
        var bracket = wirePath.IndexOf('[', StringComparison.Ordinal);
        var head = bracket < 0 ? wirePath : wirePath[..bracket];
        var flag = "--" + head.Replace('_', '-');
        return bracket < 0 ? flag : $"{flag} ({wirePath})";
    }

    /// <summary>The SDK's property name <c>Source</c> as a word of its own (not "source" in running text).</summary>
    [GeneratedRegex(@"\bSource\b", RegexOptions.CultureInvariant)]
    private static partial Regex PascalSource();
}
