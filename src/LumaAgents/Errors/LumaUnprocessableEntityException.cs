using System.Net;

namespace LumaAgents;

/// <summary>422: the parameter combination was rejected, or input media could not be fetched or decoded.</summary>
public sealed class LumaUnprocessableEntityException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaUnprocessableEntityException(string? detail = null, Exception? innerException = null)
        : base((HttpStatusCode)422, detail, innerException)
    {
    }

    private protected override string? Hint => "Change the parameter combination, or check that every input URL is public https and decodable";
}
