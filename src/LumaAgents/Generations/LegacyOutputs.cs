using System.Text.Json;

namespace LumaAgents;

/// <summary>
/// Older shapes of a generation seen through proxies (reference §3, <c>examples/</c>), mapped to ordinary outputs so
/// that waiting, downloads and the CLI work through such a proxy. Only used when the response has no <c>output</c>;
/// the raw members stay in AdditionalProperties as they came.
/// </summary>
internal static class LegacyOutputs
{
    /// <summary>
    /// The outputs of <c>assets: { video, image }</c> (URL strings, the Dream Machine API), else of top-level
    /// <c>video</c> and <c>image</c> objects with a <c>url</c> or <c>download_url</c> (the kkiai proxy); null when there
    /// are none. Thumbnails, raw videos, last frames and artifacts are not outputs and are left alone.
    /// </summary>
    public static IReadOnlyList<GenerationOutput>? From(IDictionary<string, JsonElement>? members)
    {
        if (members is null)
        {
            return null;
        }

        List<GenerationOutput>? outputs = null;
        if (members.TryGetValue("assets", out var assets) && assets.ValueKind == JsonValueKind.Object)
        {
            Add(ref outputs, GenerationOutputType.Video, StringMember(assets, "video"));
            Add(ref outputs, GenerationOutputType.Image, StringMember(assets, "image"));
        }

        if (outputs is null)
        {
            Add(ref outputs, GenerationOutputType.Video, MediaObjectUrl(members, "video"));
            Add(ref outputs, GenerationOutputType.Image, MediaObjectUrl(members, "image"));
        }

        return outputs;
    }

    private static string? MediaObjectUrl(IDictionary<string, JsonElement> members, string name)
        => members.TryGetValue(name, out var media) && media.ValueKind == JsonValueKind.Object
            ? StringMember(media, "url") ?? StringMember(media, "download_url")
            : null;

    private static string? StringMember(JsonElement owner, string name)
        => owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static void Add(ref List<GenerationOutput>? outputs, GenerationOutputType type, string? url)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            (outputs ??= []).Add(new GenerationOutput { Type = type, Url = uri });
        }
    }
}
