using System.Net;

namespace LumaAgents;

/// <summary>401: the API key is missing, malformed, invalid, revoked or expired.</summary>
public sealed class LumaAuthenticationException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaAuthenticationException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.Unauthorized, detail, innerException)
    {
    }

    private protected override string? Hint => "Check the API key: set LUMA_AGENTS_API_KEY or LumaClientOptions.ApiKey to a current key (they start with luma-api-)";
}
