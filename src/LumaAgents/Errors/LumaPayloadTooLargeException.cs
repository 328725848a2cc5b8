using System.Net;

namespace LumaAgents;

/// <summary>413: the input media is too large.</summary>
public sealed class LumaPayloadTooLargeException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaPayloadTooLargeException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.RequestEntityTooLarge, detail, innerException)
    {
    }

    private protected override string? Hint => "Send smaller media: images up to 50 MB, videos up to 200 MB";
}
