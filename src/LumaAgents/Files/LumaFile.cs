using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>
/// An uploaded file as the API reports it (<c>File</c>). Reference it in generations with
/// <see cref="ImageRef.FromUploadedFile"/> once it is <see cref="FileState.Ready"/>. Values and fields this SDK does
/// not know are kept.
/// </summary>
/// <remarks>Settable properties, like every response model: the JSON source generator fills them fastest.</remarks>
public sealed record LumaFile
{
    // Null-coalescing getters: a response without "id" or "mime_type" still reads as empty, never null.
    private string? _id;
    private string? _mimeType;

    /// <summary>The file's id (a UUID); pass it as <c>file_id</c>.</summary>
    public string Id { get => _id ?? string.Empty; set => _id = value; }

    /// <summary>When the file was created, or null if the server did not say.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The file's media type, for example <c>image/png</c>.</summary>
    public string MimeType { get => _mimeType ?? string.Empty; set => _mimeType = value; }

    /// <summary>What the file is for.</summary>
    public FilePurpose Purpose { get; set; }

    /// <summary>The file's size in bytes (0 when the server did not say).</summary>
    public long SizeBytes { get => SizeBytesOrNull ?? 0; set => SizeBytesOrNull = value; }

    /// <summary>The size as read: null when the response had none, so it is not written back as 0.</summary>
    internal long? SizeBytesOrNull { get; set; }

    /// <summary>Where it is: pending, ready, failed or deleted (or a state this SDK does not know).</summary>
    public FileState State { get; set; }

    /// <summary>When the file was deleted, for a deleted file.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>After this time Luma may delete the file automatically; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Why ingest or moderation refused the file, when <see cref="State"/> is failed.</summary>
    public string? FailureReason { get; set; }

    /// <summary>The file name given at upload, if any. Wire name <c>filename</c>.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; set; }

    /// <summary>The <c>user_id</c> given at upload (abuse attribution), echoed back.</summary>
    public string? UserId { get; set; }

    /// <summary>Fields this SDK does not know yet.</summary>
    /// <remarks>Settable rather than init-only: the source generator cannot bind extension data through a constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
