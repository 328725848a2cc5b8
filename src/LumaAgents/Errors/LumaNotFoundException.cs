using System.Net;

namespace LumaAgents;

/// <summary>
/// 404: the generation or file does not exist, belongs to another account, or the id is malformed; for a create, the
/// base URL is wrong (the message says which).
/// </summary>
public sealed class LumaNotFoundException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaNotFoundException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.NotFound, detail, innerException)
    {
    }

    private protected override string? Hint => base.Hint ?? "Check the id; ids of other accounts are not found either";
}
