using System.Net;

namespace LumaAgents;

/// <summary>403: the API client is suspended or deactivated.</summary>
public sealed class LumaPermissionDeniedException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaPermissionDeniedException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.Forbidden, detail, innerException)
    {
    }

    private protected override string? Hint => "The API client is suspended or deactivated; contact Luma support";
}
