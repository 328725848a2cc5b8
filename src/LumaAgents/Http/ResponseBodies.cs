namespace LumaAgents;

/// <summary>
/// Opens and reads response bodies so that a stalled body always ends with the token, on every target framework:
/// the one place that knows .NET Framework's stream reads may ignore a token.
/// </summary>
internal static class ResponseBodies
{
    /// <summary>The body stream; disposing the result also drops the abort registration.</summary>
    public static async ValueTask<OpenBody> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new OpenBody(stream, default);
#else
        // Where stream reads may ignore the token, disposing the response aborts a stalled read.
        var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return new OpenBody(stream, abort);
        }
        catch
        {
            abort.Dispose();
            throw;
        }
#endif
    }

    /// <summary>Reads until <paramref name="count"/> bytes are in <paramref name="buffer"/> or the body ends; returns how many.</summary>
    public static async ValueTask<int> FillAsync(Stream stream, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await stream.ReadAsync(buffer, filled, count - filled, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>An open body stream and what aborts it.</summary>
    internal readonly struct OpenBody : IDisposable
    {
        private readonly CancellationTokenRegistration _abort;

        public OpenBody(Stream stream, CancellationTokenRegistration abort)
        {
            Stream = stream;
            _abort = abort;
        }

        public Stream Stream { get; }

        public void Dispose()
        {
            _abort.Dispose();
            Stream.Dispose();
        }
    }
}
