namespace LumaAgents;

/// <summary>
/// The limits of the files API (the API reference, §8) and the SDK's upload defaults, in one place: the client, the
/// CLI's help and the MCP server's tool descriptions all quote these.
/// </summary>
public static class FileLimits
{
    /// <summary>The largest file: 5 GiB (5 × 1024³ bytes), the ceiling of a single presigned PUT.</summary>
    public const long MaxSizeBytes = 5L * 1024 * 1024 * 1024;

    /// <summary>
    /// The default <see cref="FileUploadOptions.InlineLimit"/>: 8 MB (8 × 1024² bytes). Files at or under it are sent
    /// inline as multipart; larger ones through a presigned PUT. The API's own inline cap is not documented.
    /// </summary>
    public const long DefaultInlineLimit = 8L * 1024 * 1024;

    /// <summary>The smallest page of <c>GET /files</c>: 1.</summary>
    public const int MinListLimit = 1;

    /// <summary>The largest page of <c>GET /files</c>: 100 (the server's default is 25).</summary>
    public const int MaxListLimit = 100;
}
