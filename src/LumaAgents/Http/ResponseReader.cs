using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents;

/// <summary>
/// Reads a successful response body inside the attempt that received it, so a body that arrives broken is a
/// failed attempt (retried for reads) rather than an error after the retry loop.
/// </summary>
/// <typeparam name="T">What the body becomes.</typeparam>
internal abstract class ResponseReader<T>
{
    public T? Value { get; protected set; }

    public abstract ValueTask ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken);

    /// <summary>Takes an answer without a body as success (a retried DELETE's 404); false where that means nothing.</summary>
    public virtual bool TryAcceptMissing() => false;
}

/// <summary>Reads a <typeparamref name="T"/> with its source-generated metadata, straight from the response stream.</summary>
internal sealed class JsonReader<T> : ResponseReader<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;

    public JsonReader(JsonTypeInfo<T> typeInfo) => _typeInfo = typeInfo;

    /// <summary>Bodies up to this size (with a Content-Length) are read into a pooled buffer and parsed in one go.</summary>
    private const int SmallBody = 64 * 1024;

    public override async ValueTask ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await ResponseBodies.OpenAsync(response, cancellationToken).ConfigureAwait(false);
            var stream = body.Stream;
            if (response.Content.Headers.ContentLength is { } length and > 0 and <= SmallBody)
            {
                // A generation is a kilobyte or two: one buffer and a synchronous parse cost less than the streaming
                // parser's state and buffers. The buffer is pooled, so nothing of the body is allocated.
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
                try
                {
                    var read = await ResponseBodies.FillAsync(stream, buffer, (int)length, cancellationToken).ConfigureAwait(false);
                    if (read < length)
                    {
                        throw new InvalidResponseBodyException($"the body ended after {read} of {length} bytes", null);
                    }

                    Value = JsonSerializer.Deserialize(new ReadOnlySpan<byte>(buffer, 0, read), _typeInfo);
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            else
            {
                Value = await JsonSerializer.DeserializeAsync(stream, _typeInfo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidResponseBodyException($"the body is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }

        if (Value is null)
        {
            throw new InvalidResponseBodyException($"the body is null where a {typeof(T).Name} was expected", null);
        }
    }
}

/// <summary>For answers without a body (204): nothing to read, and a retried 404 counts as done.</summary>
internal sealed class NoContentReader : ResponseReader<bool>
{
    public override ValueTask ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Value = true;
        return default;
    }

    public override bool TryAcceptMissing()
    {
        Value = true;
        return true;
    }
}

/// <summary>A success status whose body could not be read: treated like a connection that broke mid-response.</summary>
internal sealed class InvalidResponseBodyException : IOException
{
    public InvalidResponseBodyException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
