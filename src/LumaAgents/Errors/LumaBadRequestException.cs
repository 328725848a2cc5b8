using System.Net;

namespace LumaAgents;

/// <summary>400: the request had invalid parameters. The detail names the field, for example <c>image_ref[0]: …</c>.</summary>
public sealed class LumaBadRequestException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaBadRequestException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.BadRequest, detail, innerException)
    {
    }

    private protected override string? Hint => "Fix the request field the detail names; the server does not accept it as sent";
}
