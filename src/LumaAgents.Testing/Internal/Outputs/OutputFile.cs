using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// An output file of an exact size: a real file (a PNG drawn by <see cref="PngImage"/>, or the MP4 of <see cref="Mp4Video"/>) padded with ignorable chunks. Large sizes repeat one shared padding block, so serving 200 MB allocates
/// nothing per request and a client's memory use can be judged against a server that streams.
/// </summary>
internal sealed class OutputFile : IStreamedBody
{
    private const int FullPaddingPayload = 64 * 1024;

    private static readonly Lazy<byte[]> PngFullBlock = new(() => PngPadding(FullPaddingPayload + 12));
    private static readonly Lazy<byte[]> Mp4FullBlock = new(() => Mp4Padding(FullPaddingPayload + 8));

    private readonly byte[] _prefix;
    private readonly byte[] _fullBlock;
    private readonly long _fullBlockCount;
    private readonly byte[][] _tailBlocks;
    private readonly byte[] _suffix;

    private OutputFile(string contentType, string extension, byte[] prefix, byte[] suffix, byte[] fullBlock, int minimumBlock, Func<int, byte[]> buildBlock, int requestedSize)
    {
        ContentType = contentType;
        Extension = extension;
        _prefix = prefix;
        _suffix = suffix;
        _fullBlock = fullBlock;

        long natural = prefix.Length + suffix.Length;
        long padding = Math.Max(0, requestedSize - natural);
        if (padding is > 0 && padding < minimumBlock)
        {
            padding = minimumBlock;
        }

        _fullBlockCount = padding / fullBlock.Length;
        int remainder = (int)(padding % fullBlock.Length);
        if (remainder == 0)
        {
            _tailBlocks = [];
        }
        else if (remainder >= minimumBlock)
        {
            _tailBlocks = [buildBlock(remainder)];
        }
        else
        {
            // Too small for a block of its own: split the last full block and the remainder into two valid blocks.
            _fullBlockCount--;
            int total = fullBlock.Length + remainder;
            _tailBlocks = [buildBlock(total / 2), buildBlock(total - (total / 2))];
        }

        Length = natural + padding;
    }

    public string ContentType { get; }

    public string Extension { get; }

    public long Length { get; }

    /// <summary>A PNG whose chunks before <c>IEND</c> are <paramref name="image"/> (see <see cref="PngImage"/>), padded to <paramref name="requestedSize"/>.</summary>
    public static OutputFile Png(byte[] image, int requestedSize) =>
        new("image/png", "png", image, PngImage.Chunk("IEND", []), PngFullBlock.Value, 12, PngPadding, requestedSize);

    /// <summary>The playable MP4 of <see cref="Mp4Video"/>, padded after its <c>mdat</c> with <c>free</c> boxes (so the sample offset stays put).</summary>
    public static OutputFile Mp4(int requestedSize) =>
        new("video/mp4", "mp4", Mp4Video.Build(), [], Mp4FullBlock.Value, 8, Mp4Padding, requestedSize);

    /// <summary>Writes the first <paramref name="limit"/> bytes of the file.</summary>
    public async Task WriteAsync(Stream destination, long limit, CancellationToken cancellationToken)
    {
        long budget = Math.Min(limit, Length);
        budget = await WriteSegmentAsync(destination, _prefix, budget, cancellationToken).ConfigureAwait(false);
        for (long i = 0; i < _fullBlockCount && budget > 0; i++)
        {
            budget = await WriteSegmentAsync(destination, _fullBlock, budget, cancellationToken).ConfigureAwait(false);
        }

        foreach (byte[] block in _tailBlocks)
        {
            budget = await WriteSegmentAsync(destination, block, budget, cancellationToken).ConfigureAwait(false);
        }

        await WriteSegmentAsync(destination, _suffix, budget, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<long> WriteSegmentAsync(Stream destination, byte[] segment, long budget, CancellationToken cancellationToken)
    {
        if (budget <= 0)
        {
            return 0;
        }

        int count = (int)Math.Min(segment.Length, budget);
        await destination.WriteAsync(segment.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        return budget - count;
    }

    // "lmPd": ancillary, private, reserved bit clear, safe to copy, so every decoder skips it.
    private static byte[] PngPadding(int totalSize) => PngImage.Chunk("lmPd", new byte[totalSize - 12]);

    private static byte[] Mp4Padding(int totalSize) => Mp4Box("free", new byte[totalSize - 8]);

    private static byte[] Mp4Box(string type, byte[] data)
    {
        byte[] box = new byte[8 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(box, box.Length);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4, 4));
        data.CopyTo(box, 8);
        return box;
    }
}
