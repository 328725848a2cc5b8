using System.IO.Hashing;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// What the Files routes share: the store, the upload URLs, and ingest (a completed file turns <c>ready</c>, or
/// <c>failed</c> with a reason, after <see cref="FakeLumaServerOptions.FileReadyAfter"/> on the server's clock).
/// </summary>
internal sealed class FileIngest(SimulatorState state, FakeLumaServerOptions options)
{
    /// <summary>The single-PUT ceiling the API documents for <c>size_bytes</c>: 5 GiB.</summary>
    public const long MaxFileBytes = 5L * 1024 * 1024 * 1024;

    private const string FailMarker = "[fail]";

    private readonly TimeSpan _readyAfter = options.FileReadyAfter;
    private readonly Func<FakeFile, string?>? _outcomeSelector = options.FileOutcomeSelector;

    public FileStore Store => state.Files;

    public TimeProvider Time => state.Time;

    public long InlineMaxBytes { get; } = options.FileInlineMaxBytes;

    public PresignedUrls UploadUrls { get; } = new(options.FileUploadUrlLifetime);

    public string UploadUrl(StoredFile file, DateTimeOffset now) => UploadUrls.MintObject(state.Origin, UploadPath(file.Id), now, UploadUrls.Lifetime);

    public static string UploadPath(string id) => $"uploads/{id}";

    /// <summary>Starts ingest: decides the outcome now (a <c>[fail]</c> file name, or the selector), effective after the delay. Call under the store's lock.</summary>
    public SimulatedResponse? Complete(StoredFile file, DateTimeOffset now)
    {
        string? failure = null;
        if (file.FileName?.Contains(FailMarker, StringComparison.Ordinal) == true)
        {
            failure = FakeLumaServerDetails.FileIngestFailed;
        }
        else if (_outcomeSelector is not null)
        {
            try
            {
                failure = _outcomeSelector(file.Snapshot(now));
            }
            catch (Exception exception)
            {
                // Surface a broken selector to the test author instead of an empty 500.
                return SimulatedResponse.Detail(500, $"FakeLumaServer: the FileOutcomeSelector threw {exception.GetType().Name}: {exception.Message}");
            }
        }

        file.CompletedAt = now;
        file.ReadyAt = now + _readyAfter;
        file.FailureReason = failure;
        return null;
    }

    /// <summary>Counts, hashes and (when small) keeps content as it streams past; never holds a large file.</summary>
    public sealed class ContentCounter
    {
        private readonly System.IO.Hashing.Crc32 _crc = new();
        private MemoryStream? _kept = new();

        public long Length { get; private set; }

        public void Append(ReadOnlySpan<byte> data)
        {
            Length += data.Length;
            _crc.Append(data);
            if (_kept is not null && Length <= StoredFile.KeptContentLimit)
            {
                _kept.Write(data);
            }
            else
            {
                _kept = null;
            }
        }

        public void ApplyTo(StoredFile file)
        {
            file.ReceivedBytes = Length;
            file.Crc32 = _crc.GetCurrentHashAsUInt32();
            file.Content = _kept?.ToArray();
        }
    }
}
