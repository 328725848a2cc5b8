using System.Net;

namespace LumaAgents;

/// <summary>404: the generation does not exist, belongs to another account, or the id is malformed.</summary>
public sealed class LumaNotFoundException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaNotFoundException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.NotFound, detail, innerException)
    {
    }

    private protected override string? Hint => "Check the generation id; ids of other accounts are not found either";
}
