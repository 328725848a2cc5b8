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

    /// <summary>
    /// Local media inputs larger than this (4 MiB, 4 × 1024² bytes) are best uploaded through the files API and sent as
    /// <c>file_id</c> rather than inline as base64; the CLI (<c>luma --upload auto</c>) and the MCP server do so. Inline,
    /// a file costs 4/3 of its size in the create's JSON body and in memory, and that body is the one request that is
    /// never retried (it is billed and has no idempotency key): above a few MB, an upload that streams the bytes and
    /// may be retried, then a small create, is the safer way. A client-side choice, not an API limit.
    /// </summary>
    public const long AutoUploadAboveBytes = 4L * 1024 * 1024;

    /// <summary>The smallest page of <c>GET /files</c>: 1.</summary>
    public const int MinListLimit = 1;

    /// <summary>The largest page of <c>GET /files</c>: 100 (the server's default is 25).</summary>
    public const int MaxListLimit = 100;
}
