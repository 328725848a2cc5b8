using System.Net;

namespace LumaAgents;

/// <summary>
/// A 5xx status: the service or a service behind it failed. 502 and 503 mean the job was not created; after a
/// 500 or 504 to a create, the job may exist (see <see cref="LumaException.RequestId"/> and your <c>user_id</c>).
/// </summary>
public sealed class LumaServerException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The 5xx status.</param>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaServerException(HttpStatusCode statusCode, string? detail = null, Exception? innerException = null)
        : base(statusCode, detail, innerException)
    {
    }
}
