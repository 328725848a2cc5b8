namespace LumaAgents.Testing.Internal;

/// <summary>A response body written piece by piece from reused buffers (output files, huge error pages), never held whole.</summary>
internal interface IStreamedBody
{
    long Length { get; }

    /// <summary>Writes the first <paramref name="limit"/> bytes of the body.</summary>
    Task WriteAsync(Stream destination, long limit, CancellationToken cancellationToken);
}
