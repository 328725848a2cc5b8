using System.Net;
using System.Text;

namespace LumaAgents.Tests.Support;

/// <summary>
/// An in-memory transport whose answers are async functions: they can hang until cancelled, answer late, or stream
/// bodies that never end. Counts what was sent, so a test can assert that nothing more went out.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<HttpRequestMessage> _sent = [];

    public ScriptedHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public int Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.Count;
            }
        }
    }

    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Completes when the n-th request has been sent.</summary>
    public async Task WaitForRequestsAsync(int count, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Sent < count)
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Expected {count} request(s), saw {Sent}.");
            }

            await Task.Delay(1);
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>Waits until the request is cancelled, as a server that never answers.</summary>
    public static async Task<HttpResponseMessage> Never(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt;
        lock (_sent)
        {
            _sent.Add(request);
            attempt = _sent.Count;
        }

        return _respond(request, attempt, cancellationToken);
    }
}

/// <summary>A body generated as it is read (any size, nothing allocated up front), optionally stalling after some bytes.</summary>
public sealed class GeneratedContent : HttpContent
{
    private readonly long _length;
    private readonly long? _stallAfter;

    public GeneratedContent(long length, long? stallAfter = null, string contentType = "text/html")
    {
        _length = length;
        _stallAfter = stallAfter;
        Headers.TryAddWithoutValidation("Content-Type", contentType);
        Headers.ContentLength = length;
    }

    /// <summary>Bytes handed to readers so far, over every stream this content made.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    private long _bytesRead;

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Generator(this));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException("read it as a stream");

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    private sealed class Generator(GeneratedContent owner) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => owner._length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (owner._stallAfter is { } stall && _position >= stall)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var left = owner._length - _position;
            if (owner._stallAfter is { } limit)
            {
                left = Math.Min(left, limit - _position);
            }

            var n = (int)Math.Min(count, left);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            _position += n;
            Interlocked.Add(ref owner._bytesRead, n);
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
