using System.Net;

namespace LumaAgents;

/// <summary>409: the request conflicts with the current state.</summary>
public sealed class LumaConflictException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaConflictException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.Conflict, detail, innerException)
    {
    }

    private protected override string? Hint => null;
}
