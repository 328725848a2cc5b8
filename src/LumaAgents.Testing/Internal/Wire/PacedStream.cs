namespace LumaAgents.Testing.Internal;

/// <summary>
/// The response body as a stalled or trickled fault sends it: writes pass through to the real body, paused on the
/// server's clock (after the first bytes, or between small pieces), flushed so the client sees each piece when it is sent.
/// </summary>
internal sealed class PacedStream(Stream inner, FakeFault fault, TimeProvider time, CancellationToken cancellationToken) : Stream
{
    private long _beforeStall = fault.Kind == FakeFaultKind.StalledBody ? fault.KeepBytes ?? 0 : long.MaxValue;
    private bool _stalled;
    private int _pieceLeft;
    private bool _started;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken token = default)
    {
        while (!buffer.IsEmpty)
        {
            int count = fault.Kind == FakeFaultKind.TrickledBody ? await NextPieceAsync().ConfigureAwait(false) : await BeforeStallAsync().ConfigureAwait(false);
            count = Math.Min(count, buffer.Length);
            await inner.WriteAsync(buffer[..count], cancellationToken).ConfigureAwait(false);
            buffer = buffer[count..];
            if (fault.Kind == FakeFaultKind.TrickledBody)
            {
                _pieceLeft -= count;
                if (_pieceLeft == 0)
                {
                    await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            else if (!_stalled)
            {
                _beforeStall -= count;
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        WriteAsync(buffer.AsMemory(offset, count), token).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The simulator writes asynchronously.");

    public override Task FlushAsync(CancellationToken token) => inner.FlushAsync(cancellationToken);

    public override void Flush() => throw new NotSupportedException("The simulator writes asynchronously.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>How many bytes may go before the stall; at the stall, flushes what was sent and waits first.</summary>
    private async ValueTask<int> BeforeStallAsync()
    {
        if (_stalled || _beforeStall > 0)
        {
            return _stalled ? int.MaxValue : (int)Math.Min(_beforeStall, int.MaxValue);
        }

        _stalled = true;
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(fault.StallDuration ?? Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
        return int.MaxValue;
    }

    /// <summary>How many bytes the current piece has left; between pieces, waits the interval first.</summary>
    private async ValueTask<int> NextPieceAsync()
    {
        if (_pieceLeft == 0)
        {
            if (_started)
            {
                await Task.Delay(fault.DelayDuration, time, cancellationToken).ConfigureAwait(false);
            }

            _started = true;
            _pieceLeft = fault.ChunkBytes;
        }

        return _pieceLeft;
    }
}
