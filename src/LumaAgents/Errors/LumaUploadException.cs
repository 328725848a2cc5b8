using System.Net;

namespace LumaAgents;

/// <summary>
/// A file's bytes could not be uploaded: the storage host refused or broke off the presigned <c>PUT</c>, or the
/// content was not what it was declared to be (it ended early, or went on past its size). The message names the host
/// and path, never the URL's signature.
/// </summary>
public sealed class LumaUploadException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="fileId">The file the bytes were for, if it had been created.</param>
    /// <param name="statusCode">The storage host's status, when it answered.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaUploadException(string message, string? fileId = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FileId = fileId;
        StatusCode = statusCode;
    }

    /// <summary>The file the bytes were for (a <c>pending</c> file that will expire unused), or null before one was created.</summary>
    public string? FileId { get; }

    /// <summary>The storage host's status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
