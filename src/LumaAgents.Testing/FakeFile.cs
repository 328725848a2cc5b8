namespace LumaAgents.Testing;

/// <summary>A snapshot of a file the server holds (Files API), taken at the server's current time.</summary>
public sealed class FakeFile
{
    internal FakeFile(string id, DateTimeOffset createdAt, string mimeType, string purpose, long sizeBytes, string state, DateTimeOffset? deletedAt, DateTimeOffset? expiresAt, string? failureReason, string? fileName, string? userId, string apiKey, string uploadMode, long? receivedBytes, uint? crc32, byte[]? content, DateTimeOffset? readyAt)
    {
        Id = id;
        CreatedAt = createdAt;
        MimeType = mimeType;
        Purpose = purpose;
        SizeBytes = sizeBytes;
        State = state;
        DeletedAt = deletedAt;
        ExpiresAt = expiresAt;
        FailureReason = failureReason;
        FileName = fileName;
        UserId = userId;
        ApiKey = apiKey;
        UploadMode = uploadMode;
        ReceivedBytes = receivedBytes;
        Crc32 = crc32;
        Content = content;
        ReadyAt = readyAt;
    }

    /// <summary>The file id (a lowercase UUID).</summary>
    public string Id { get; }

    /// <summary>The <c>created_at</c> reported by the API.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The <c>mime_type</c>.</summary>
    public string MimeType { get; }

    /// <summary>The <c>purpose</c>: <c>input</c> or <c>reference</c>.</summary>
    public string Purpose { get; }

    /// <summary>The <c>size_bytes</c>: declared at a presigned create, measured for an inline upload.</summary>
    public long SizeBytes { get; }

    /// <summary>The state at the time of the snapshot: <c>pending</c>, <c>ready</c>, <c>failed</c> or <c>deleted</c>.</summary>
    public string State { get; }

    /// <summary>When the file was deleted (or expired, at its <see cref="ExpiresAt"/>), if it was.</summary>
    public DateTimeOffset? DeletedAt { get; }

    /// <summary>The <c>expires_at</c> the creator asked for; after it the file counts as deleted.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Why ingest failed, once the state is <c>failed</c>.</summary>
    public string? FailureReason { get; }

    /// <summary>The <c>filename</c>, if any.</summary>
    public string? FileName { get; }

    /// <summary>The <c>user_id</c>, if any.</summary>
    public string? UserId { get; }

    /// <summary>The API key that owns the file (only it can see or reference it).</summary>
    public string ApiKey { get; }

    /// <summary>How the bytes arrived: <c>presigned</c> (create, then PUT), <c>inline</c> (multipart) or <c>seeded</c> (<see cref="FakeLumaServer.SeedFile"/>).</summary>
    public string UploadMode { get; }

    /// <summary>How many content bytes the server received (the PUT's or the multipart part's); <see langword="null"/> before any arrived.</summary>
    public long? ReceivedBytes { get; }

    /// <summary>The CRC-32 (ISO-HDLC, as zlib and PNG use it) of the received bytes; <see langword="null"/> before any arrived.</summary>
    public uint? Crc32 { get; }

    /// <summary>The received bytes when there were at most 64 KiB of them; <see langword="null"/> otherwise (large uploads are counted and hashed, never kept).</summary>
    public IReadOnlyList<byte>? Content { get; }

    /// <summary>When ingest ends (<c>ready</c> or <c>failed</c>) on the server's clock; <see langword="null"/> until the file is completed.</summary>
    public DateTimeOffset? ReadyAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {MimeType} {State}";
}
