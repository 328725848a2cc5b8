namespace LumaAgents;

/// <summary>
/// The bytes of one upload: the caller's stream from where it stood, and their exact length. An upload may need them
/// more than once (a retried PUT, a redirect, the presigned flow after an inline 413): a seekable stream is rewound to
/// where it started; one that cannot seek can be sent only once.
/// </summary>
internal sealed class UploadSource
{
    private readonly long _start;
    private bool _started;

    public UploadSource(Stream stream, long length)
    {
        Stream = stream;
        Length = length;
        _start = stream.CanSeek ? stream.Position : -1;
    }

    public Stream Stream { get; }

    /// <summary>The exact number of bytes to send.</summary>
    public long Length { get; }

    /// <summary>Whether the bytes can be sent (again).</summary>
    public bool CanStart => _start >= 0 || !_started;

    /// <summary>Positions the stream at the first byte for a send; false when a stream that cannot seek was already read.</summary>
    public bool TryStart()
    {
        if (_start >= 0)
        {
            Stream.Position = _start;
            _started = true;
            return true;
        }

        if (_started)
        {
            return false;
        }

        _started = true;
        return true;
    }
}
