using System.Buffers;
using System.Net;

namespace LumaAgents;

/// <summary>
/// The raw bytes of an upload as an HTTP body: streamed from the caller's stream in pooled chunks, never buffered whole
/// (memory stays flat for a 1 GB file), with an exact Content-Length. Each chunk touches the upload's
/// <see cref="IdleWatch"/>, so a connection that stops taking bytes fails the attempt. The stream is the caller's: it is
/// never disposed here.
/// </summary>
internal sealed class UploadContent : HttpContent
{
    private const int ChunkSize = StorageClient.ChunkSize;

    private readonly UploadSource _source;
    private readonly IdleWatch _watch;
    private readonly UploadProgress _progress;
    private readonly string? _fileId;

    /// <param name="source">The bytes.</param>
    /// <param name="watch">The upload's idle watch, touched per chunk; its token cancels the reads and writes.</param>
    /// <param name="progress">Told the bytes sent.</param>
    /// <param name="fileId">The file the bytes are for, once it exists (for messages).</param>
    /// <exception cref="LumaUploadException">The bytes are needed again but the stream cannot seek back to them.</exception>
    public UploadContent(UploadSource source, IdleWatch watch, UploadProgress progress, string? fileId)
    {
        // Refused before the request is sent at all, rather than sending headers with a body that cannot follow.
        if (!source.CanStart)
        {
            throw CannotResend(fileId);
        }

        _source = source;
        _watch = watch;
        _progress = progress;
        _fileId = fileId;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SendAsync(stream, CancellationToken.None);

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => SendAsync(stream, cancellationToken);
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _source.Length;
        return true;
    }

    private async Task SendAsync(Stream target, CancellationToken cancellationToken)
    {
        if (!_source.TryStart())
        {
            throw CannotResend(_fileId);
        }

        // The transport's token (the attempt) and the watch's (idle, caller, Dispose) both stop the copy.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _watch.Token) : null;
        var token = linked?.Token ?? _watch.Token;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var length = _source.Length;
        long sent = 0;
        try
        {
            _progress.Sent(0);
            while (sent < length)
            {
                var read = await ReadAsync(buffer, (int)Math.Min(ChunkSize, length - sent), sent, token).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new LumaUploadException(
                        $"The content ended after {sent} of its {length} bytes; nothing more was sent. The size must be exact: check FileUploadOptions.SizeBytes, or that the file did not shrink while it was uploaded.",
                        _fileId);
                }

                _watch.Touch();
                await target.WriteAsync(buffer, 0, read, token).ConfigureAwait(false);
                _watch.Touch();
                sent += read;
                _progress.Sent(sent);
            }

            // A longer stream means the declared size was wrong: the file would be cut short without a word.
            if (await ReadAsync(buffer, 1, sent, token).ConfigureAwait(false) != 0)
            {
                throw new LumaUploadException(
                    $"The content goes on past its size of {length} bytes. The size must be exact: check FileUploadOptions.SizeBytes, or that the file did not grow while it was uploaded.",
                    _fileId);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static LumaUploadException CannotResend(string? fileId) => new(
        "The upload has to be sent again (a retry, or the presigned flow after the inline one was refused), but its stream cannot seek back to the start. "
        + "Upload from a file path or a seekable stream (a FileStream, a MemoryStream) to let the SDK resend it.",
        fileId);

    /// <summary>Reads the caller's stream; its own failures are final (a resend would meet them again), not network errors.</summary>
    private async Task<int> ReadAsync(byte[] buffer, int count, long sent, CancellationToken cancellationToken)
    {
        try
        {
            return await _source.Stream.ReadAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not LumaException)
        {
            throw new LumaUploadException($"Reading the content failed after {sent} bytes: {ex.Message}", _fileId, innerException: ex);
        }
    }
}
