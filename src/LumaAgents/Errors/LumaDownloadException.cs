using System.Net;

namespace LumaAgents;

/// <summary>
/// An output could not be downloaded from its presigned URL. The message names the host and path, never the
/// URL's signature.
/// </summary>
public sealed class LumaDownloadException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="generationId">The generation whose output it was.</param>
    /// <param name="outputIndex">The output's index.</param>
    /// <param name="statusCode">The storage host's status, when it answered.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaDownloadException(string message, string generationId, int outputIndex, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        GenerationId = generationId;
        OutputIndex = outputIndex;
        StatusCode = statusCode;
    }

    /// <summary>The generation whose output it was.</summary>
    public string GenerationId { get; }

    /// <summary>The output's index.</summary>
    public int OutputIndex { get; }

    /// <summary>The storage host's status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
