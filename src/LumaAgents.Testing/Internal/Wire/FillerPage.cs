using System.Text;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// A huge error page of an exact size: a short HTML page whose comment is padded from one shared 64 KiB block, so a
/// 190 MB answer costs the server nothing per request.
/// </summary>
internal sealed class FillerPage : IStreamedBody
{
    private static readonly Lazy<byte[]> Filler = new(() => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("upstream error; ", 64 * 1024 / 16))));

    private readonly byte[] _prefix;
    private readonly byte[] _suffix = Encoding.ASCII.GetBytes("--></body></html>\n");

    public FillerPage(int statusCode, long length)
    {
        string reason = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode);
        _prefix = Encoding.ASCII.GetBytes($"<html><head><title>{statusCode} {reason}</title></head><body><h1>{statusCode} {reason}</h1><!--");
        Length = length;
    }

    public long Length { get; }

    public async Task WriteAsync(Stream destination, long limit, CancellationToken cancellationToken)
    {
        long budget = Math.Min(limit, Length);
        long fillerLength = Math.Max(0, Length - _prefix.Length - _suffix.Length);
        budget = await WriteAsync(destination, _prefix, _prefix.Length, budget, cancellationToken).ConfigureAwait(false);
        byte[] filler = Filler.Value;
        for (long left = fillerLength; left > 0 && budget > 0; left -= filler.Length)
        {
            budget = await WriteAsync(destination, filler, (int)Math.Min(filler.Length, left), budget, cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(destination, _suffix, _suffix.Length, budget, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<long> WriteAsync(Stream destination, byte[] segment, int length, long budget, CancellationToken cancellationToken)
    {
        int count = (int)Math.Min(length, budget);
        if (count > 0)
        {
            await destination.WriteAsync(segment.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }

        return budget - count;
    }
}
