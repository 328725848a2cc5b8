namespace LumaAgents;

/// <summary>The base of every error the SDK raises about the API, the network or a generation.</summary>
public class LumaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LumaException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The request id of the HTTP exchange this error came from (the server's <c>X-Request-Id</c>, or the one the
    /// SDK sent when no response arrived). Quote it to Luma support.
    /// </summary>
    public string? RequestId { get => _requestId; init => _requestId = value; }

    private string? _requestId;

    /// <summary>Records the request id after construction (the SDK learns it from the response).</summary>
    internal void SetRequestId(string? requestId) => _requestId = requestId;
}
