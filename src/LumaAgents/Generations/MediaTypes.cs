namespace LumaAgents;

/// <summary>The media types the API accepts and the file extensions that go with them.</summary>
internal static class MediaTypes
{
    private static readonly (string Extension, string MediaType)[] Table =
    [
        (".png", "image/png"),
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".webp", "image/webp"),
        (".gif", "image/gif"),
        (".mp4", "video/mp4"),
        (".mov", "video/quicktime"),
        (".webm", "video/webm"),
        (".exr", "image/x-exr"),
        (".zip", "application/zip"),
    ];

    /// <summary>The extensions the table knows, for messages: <c>.png, .jpg, …</c>.</summary>
    public static string KnownExtensions => string.Join(", ", Table.Select(entry => entry.Extension));

    public static string? FromExtension(string? extension)
    {
        foreach (var (ext, type) in Table)
        {
            if (string.Equals(ext, extension, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The extension for a content type (parameters such as <c>; charset</c> ignored), or null.</summary>
    public static string? ToExtension(string? mediaType)
    {
        if (mediaType is null)
        {
            return null;
        }

        var semicolon = mediaType.IndexOf(';');
        var bare = (semicolon >= 0 ? mediaType.Substring(0, semicolon) : mediaType).Trim();
        foreach (var (ext, type) in Table)
        {
            if (string.Equals(type, bare, StringComparison.OrdinalIgnoreCase))
            {
                return ext;
            }
        }

        return null;
    }
}
