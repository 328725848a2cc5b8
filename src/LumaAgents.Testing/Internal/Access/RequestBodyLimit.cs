using System.IO.Pipelines;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Reads a buffered request body under <see cref="FakeLumaServerOptions.MaxBodyBytes"/>. A larger body is drained (so the
/// client can read the 413 instead of a reset) but never kept.
/// </summary>
internal sealed class RequestBodyLimit(long maxBodyBytes)
{
    private static readonly byte[] EmptyBody = [];

    public long MaxBodyBytes => maxBodyBytes;

    /// <summary>The whole body, or <see langword="null"/> when it is larger than allowed.</summary>
    public async Task<byte[]?> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length > maxBodyBytes)
            {
                reader.AdvanceTo(result.Buffer.End);
                while (!result.IsCompleted)
                {
                    result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    reader.AdvanceTo(result.Buffer.End);
                }

                return null;
            }

            if (result.IsCompleted)
            {
                byte[] body = result.Buffer.IsEmpty ? EmptyBody : System.Buffers.BuffersExtensions.ToArray(result.Buffer);
                reader.AdvanceTo(result.Buffer.End);
                return body;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
