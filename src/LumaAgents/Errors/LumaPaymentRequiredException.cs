using System.Net;

namespace LumaAgents;

/// <summary>402: the account balance is insufficient.</summary>
public sealed class LumaPaymentRequiredException : LumaApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The server's <c>detail</c> text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaPaymentRequiredException(string? detail = null, Exception? innerException = null)
        : base(HttpStatusCode.PaymentRequired, detail, innerException)
    {
    }

    private protected override string? Hint => "Add funds to the Luma account, then retry";
}
