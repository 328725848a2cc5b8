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

    public override async ValueTask ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET5_0_OR_GREATER
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            // Where stream reads may ignore the token (.NET Framework), disposing the response aborts a stalled read.
            using var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            Value = await JsonSerializer.DeserializeAsync(stream, _typeInfo, cancellationToken).ConfigureAwait(false);
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
