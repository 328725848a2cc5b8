namespace LumaAgents;

/// <summary>How <see cref="FilesClient.UploadAsync(string, FileUploadOptions, CancellationToken)"/> uploads a file.</summary>
public sealed record FileUploadOptions
{
    /// <summary><see cref="FilePurpose.Input"/> for the primary subject, <see cref="FilePurpose.Reference"/> for guidance; null for the server's default.</summary>
    public FilePurpose? Purpose { get; init; }

    /// <summary>After this time Luma may delete the file automatically; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Your end user's id, for abuse attribution; echoed back on the file.</summary>
    public string? UserId { get; init; }

    /// <summary>
    /// Files of at most this many bytes are sent inline, as one multipart <c>POST /files</c>; larger ones through the
    /// presigned flow (create, <c>PUT</c> to storage, complete). Default <see cref="FileLimits.DefaultInlineLimit"/>
    /// (8 MB); 0 always uses the presigned flow. The API's inline cap is not documented: an inline upload it refuses
    /// as too large (413) is sent again through the presigned flow, once.
    /// </summary>
    public long InlineLimit { get; init; } = FileLimits.DefaultInlineLimit;

    /// <summary>Wait until the file is <see cref="FileState.Ready"/> before returning (default true); false returns it <c>pending</c>.</summary>
    public bool WaitUntilReady { get; init; } = true;

    /// <summary>How to wait until ready (poll interval, timeout), or null for the defaults.</summary>
    public FileWaitOptions? Wait { get; init; }

    /// <summary>
    /// Told the number of the file's bytes sent so far: never decreasing (a resent attempt is not counted twice),
    /// ending at the file's size once the bytes are all sent.
    /// </summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>
    /// The exact size of the content in bytes. Needed only for a stream that cannot seek (a network stream); a file's
    /// or seekable stream's size is read from it, and if this is given too the two must agree.
    /// </summary>
    public long? SizeBytes { get; init; }
}
