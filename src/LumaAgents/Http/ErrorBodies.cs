using System.Buffers;
using System.Text;

namespace LumaAgents;

/// <summary>
/// Reads the body of an error response under a cap: enough for any real <c>detail</c>, never a proxy's 50 MB error
/// page. What lies past the cap is not read: disposing the response discards it (the connection drains a bounded
/// amount or is closed), so memory stays flat however large the body is, on every attempt.
/// </summary>
internal static class ErrorBodies
{
    /// <summary>The most bytes of an error body that are read.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return null;
        }

        if (response.Content.Headers.ContentLength == 0)
        {
            return string.Empty;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes);
        try
        {
            using var body = await ResponseBodies.OpenAsync(response, cancellationToken).ConfigureAwait(false);
            var length = await ResponseBodies.FillAsync(body.Stream, buffer, MaxBytes, cancellationToken).ConfigureAwait(false);
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
