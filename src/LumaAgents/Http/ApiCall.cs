namespace LumaAgents;

/// <summary>One logical API call as the clients describe it to the pipeline, retries included.</summary>
internal sealed class ApiCall
{
    public ApiCall(ApiOperation operation, HttpMethod method, Uri url)
    {
        Operation = operation;
        Method = method;
        Url = url;
    }

    public ApiOperation Operation { get; }

    public HttpMethod Method { get; }

    public Uri Url { get; }

    /// <summary>The body; it must be replayable (bytes, or a content that can be sent again) when the call may be retried.</summary>
    public HttpContent? Content { get; init; }

    /// <summary>Builds a fresh body for each attempt, for contents that cannot be sent twice (streams); wins over <see cref="Content"/>.</summary>
    public Func<HttpContent>? ContentFactory { get; init; }

    /// <summary>The Accept header (the API answers JSON; DELETE is sent with <c>*/*</c>).</summary>
    public string Accept { get; init; } = "application/json";

    /// <summary>The caller's per-call overrides.</summary>
    public RequestOptions? Options { get; init; }

    /// <summary>A limit from outside the call (what is left of a wait), combined with the total timeout.</summary>
    public CallBudget Budget { get; init; }

    /// <summary>For a 404 after a retry of this call: treat it as done (a DELETE that the first attempt carried out).</summary>
    public bool NotFoundAfterRetryIsSuccess { get; init; }
}
