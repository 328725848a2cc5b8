using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>
/// The JSON body of <c>POST /files</c>, the presigned flow: the API answers with a <see cref="PresignedUpload"/> to
/// <c>PUT</c> the bytes to, then <see cref="FilesClient.CompleteAsync(string, CancellationToken)"/>.
/// <see cref="FilesClient.UploadAsync(string, FileUploadOptions, CancellationToken)"/> does all three for you.
/// Unset (null) members are omitted.
/// </summary>
public sealed record FileCreateRequest
{
    /// <summary>The file's media type, for example <c>image/png</c> (required).</summary>
    public string? MimeType { get; init; }

    /// <summary>The exact size of the bytes that will be uploaded, 1 to <see cref="FileLimits.MaxSizeBytes"/> (required).</summary>
    public long SizeBytes { get; init; }

    /// <summary>After this time Luma may delete the file automatically; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>A file name to keep with the file. Wire name <c>filename</c>.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    /// <summary><see cref="FilePurpose.Input"/> for the primary subject, <see cref="FilePurpose.Reference"/> for guidance.</summary>
    public FilePurpose? Purpose { get; init; }

    /// <summary>Your end user's id, for abuse attribution; echoed back on the file.</summary>
    public string? UserId { get; init; }
}
