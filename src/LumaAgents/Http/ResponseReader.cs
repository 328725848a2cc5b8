using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents;

/// <summary>
/// Reads a successful response body inside the attempt that received it, so a body that arrives broken is a
/// failed attempt (retried for reads) rather than an error after the retry loop.
/// </summary>
internal abstract class ResponseReader
{
    public abstract ValueTask ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken);
}

/// <summary>Reads a <typeparamref name="T"/> with its source-generated metadata.</summary>
internal sealed class ResponseReader<T> : ResponseReader
{
    private readonly JsonTypeInfo<T> _typeInfo;

    public ResponseReader(JsonTypeInfo<T> typeInfo) => _typeInfo = typeInfo;

    public T? Value { get; private set; }

    public override async ValueTask ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var requestId = HeaderValues.First(response.Headers, "X-Request-Id");
        try
        {
            // Parsed straight from the response stream, as it arrives: no copy of the body.
#if !NET5_0_OR_GREATER
            // Where stream reads may ignore the token (.NET Framework), disposing the response aborts a stalled read.
            using var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
#endif
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            Value = await JsonSerializer.DeserializeAsync(stream, _typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidResponseBodyException($"the body is not a valid {typeof(T).Name}: {ex.Message}", requestId, ex);
        }

        if (Value is null)
        {
            throw new InvalidResponseBodyException($"the body is null where a {typeof(T).Name} was expected", requestId, null);
        }
    }
}

/// <summary>A success status whose body could not be read: treated like a connection that broke mid-response.</summary>
internal sealed class InvalidResponseBodyException : IOException
{
    public InvalidResponseBodyException(string message, string? requestId, Exception? inner)
        : base(message, inner)
    {
        RequestId = requestId;
    }

    /// <summary>The X-Request-Id of the response whose body was broken.</summary>
    public string? RequestId { get; }
}
