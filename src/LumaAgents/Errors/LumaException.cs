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
    private bool _generationMayExist;

    /// <summary>
    /// True when this error came from a create whose outcome is unknown (a timeout, a connection broken after
    /// sending, a 500 or 504): the generation may exist and be billed. Do not simply retry; reconcile first.
    /// </summary>
    public bool GenerationMayExist { get => _generationMayExist; init => _generationMayExist = value; }

    private string? _advice;

    /// <inheritdoc/>
    public override string Message => WithAdvice(_generationMayExist ? base.Message + " " + MayExistAdvice : base.Message);

    /// <summary>Appends what the SDK knows to do about this failure in this call (set by the SDK, once).</summary>
    internal void AddAdvice(string advice) => _advice = _advice is null ? advice : _advice + " " + advice;

    /// <summary>The message followed by the call's advice, if any.</summary>
    private protected string WithAdvice(string message) => _advice is null ? message : message + " " + _advice;

    /// <summary>What to do when a create's outcome is unknown.</summary>
    private protected string MayExistAdvice
        => "The generation may have been created (and billed) even though this call failed; the API has no idempotency key, "
           + "so retrying could make a duplicate. Reconcile first: look for the job under the user_id you sent, "
           + $"or give Luma support the request id{(RequestId is null ? string.Empty : " " + RequestId)}.";

    internal void MarkGenerationMayExist() => _generationMayExist = true;

    /// <summary>Records the request id after construction (the SDK learns it from the response).</summary>
    internal void SetRequestId(string? requestId) => _requestId = requestId;
}
