using System.Net;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Makes an in-memory abort look like a dropped connection. The test host reports an aborted request as an
/// <see cref="OperationCanceledException"/>, which a client would take for its own cancellation or timeout; over a
/// socket the same fault is an <see cref="HttpRequestException"/> (while sending) or an <see cref="HttpIOException"/>
/// (while reading the body), so that is what this handler throws. The caller's own cancellation passes through. A body
/// that ends before its declared <c>Content-Length</c> fails the last read, as a socket client's does.
/// </summary>
internal sealed class AbortTranslatingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const string Dropped = "The simulator dropped the connection (in memory).";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, Dropped, new IOException(Dropped, exception));
        }

        response.Content = new TranslatingContent(response.Content, response.Content.Headers.ContentLength);
        return response;
    }

    private sealed class TranslatingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly long? _declaredLength;

        public TranslatingContent(HttpContent inner, long? declaredLength)
        {
            _inner = inner;
            _declaredLength = declaredLength;
            foreach (KeyValuePair<string, IEnumerable<string>> header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new TranslatingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _declaredLength);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            using Stream source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class TranslatingStream(Stream inner, long? declaredLength) : Stream
    {
        private long _received;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read;
            try
            {
                read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpIOException(HttpRequestError.ResponseEnded, Dropped, exception);
            }

            return Count(read, buffer.Length);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read;
            try
            {
                read = inner.Read(buffer, offset, count);
            }
            catch (OperationCanceledException exception)
            {
                throw new HttpIOException(HttpRequestError.ResponseEnded, Dropped, exception);
            }

            return Count(read, count);
        }

        private int Count(int read, int requested)
        {
            _received += read;
            if (read == 0 && requested > 0 && declaredLength is long length && _received < length)
            {
                throw new HttpIOException(HttpRequestError.ResponseEnded, $"{Dropped} The body ended after {_received} of {length} bytes.");
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
