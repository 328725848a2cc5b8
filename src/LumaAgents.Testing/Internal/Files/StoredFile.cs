namespace LumaAgents.Testing.Internal;

/// <summary>
/// A file as the server keeps it. Its reported state is a function of the clock and of what happened to it (uploaded,
/// completed, deleted), so no timers run. Mutated only under <see cref="FileStore"/>'s lock.
/// </summary>
internal sealed class StoredFile
{
    /// <summary>The largest file kept in memory whole (for <see cref="FakeFile.Content"/>); larger ones keep only size and CRC-32.</summary>
    public const int KeptContentLimit = 64 * 1024;

    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string ApiKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string MimeType { get; init; }

    public required string Purpose { get; init; }

    public required long SizeBytes { get; set; }

    public string? FileName { get; init; }

    public string? UserId { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary><c>presigned</c>, <c>inline</c> or <c>seeded</c>.</summary>
    public required string UploadMode { get; init; }

    public bool IsSeeded => UploadMode == "seeded";

    public DateTimeOffset? UploadExpiresAt { get; init; }

    /// <summary>The headers the presigned PUT must carry exactly.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UploadHeaders { get; init; } = [];

    public long? ReceivedBytes { get; set; }

    public uint? Crc32 { get; set; }

    public byte[]? Content { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ReadyAt { get; set; }

    /// <summary>Set when ingest fails; the state becomes <c>failed</c> at <see cref="ReadyAt"/>.</summary>
    public string? FailureReason { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>When the file stopped existing for clients: deleted, or past its <c>expires_at</c>.</summary>
    public DateTimeOffset? GoneAt(DateTimeOffset now) =>
        DeletedAt ?? (ExpiresAt is { } expires && expires <= now ? expires : null);

    public string StateAt(DateTimeOffset now)
    {
        if (GoneAt(now) is not null)
        {
            return "deleted";
        }

        if (ReadyAt is not { } ready || now < ready)
        {
            return "pending";
        }

        return FailureReason is null ? "ready" : "failed";
    }

    public FakeFile Snapshot(DateTimeOffset now)
    {
        string state = StateAt(now);
        return new FakeFile(Id, CreatedAt, MimeType, Purpose, SizeBytes, state, GoneAt(now), ExpiresAt, state == "failed" ? FailureReason : null, FileName, UserId, ApiKey, UploadMode, ReceivedBytes, Crc32, Content, ReadyAt);
    }
}
