namespace LumaAgents;

/// <summary>
/// Reports the bytes of a file sent so far to the caller's <see cref="IProgress{T}"/>, as a high-water mark: an attempt
/// that starts again from the first byte (a retry, the presigned flow after an inline 413) reports nothing until it
/// passes what was already reported, so the numbers never go down.
/// </summary>
internal sealed class UploadProgress
{
    private readonly IProgress<long>? _progress;
    private long _reported = -1;

    public UploadProgress(IProgress<long>? progress) => _progress = progress;

    /// <summary>An attempt has sent <paramref name="bytes"/> bytes of the file.</summary>
    public void Sent(long bytes)
    {
        if (bytes > Volatile.Read(ref _reported))
        {
            Volatile.Write(ref _reported, bytes);
            _progress?.Report(bytes);
        }
    }
}
