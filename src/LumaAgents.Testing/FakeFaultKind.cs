namespace LumaAgents.Testing;

/// <summary>What a <see cref="FakeFault"/> does to a request.</summary>
public enum FakeFaultKind
{
    /// <summary>Answer with a scripted status, headers and body instead of handling the request (the request has no effect).</summary>
    Respond,

    /// <summary>Wait on the server's clock, then handle the request normally or apply a follow-up fault.</summary>
    Delay,

    /// <summary>Drop the connection before reading the body (the request has no effect).</summary>
    DropConnection,

    /// <summary>Handle the request normally (a POST really creates the job), then drop the connection instead of answering.</summary>
    ProcessThenDrop,

    /// <summary>Handle the request normally (a POST really creates the job), then answer with a scripted response instead.</summary>
    ProcessThenRespond,

    /// <summary>Handle the request normally (a POST really creates the job), then wait on the server's clock before answering, so a client can time out after the fact.</summary>
    ProcessThenDelay,

    /// <summary>Handle the request normally, then send only part of the response body.</summary>
    TruncatedBody,

    /// <summary>Handle the request normally, send the headers and the first bytes of the body, then stop sending for a while or until the client gives up.</summary>
    StalledBody,

    /// <summary>Handle the request normally, then send the body a few bytes at a time, waiting on the server's clock between pieces.</summary>
    TrickledBody,

    /// <summary>Handle the request normally (a POST really creates the job), then answer with some headers replaced by nonsense values.</summary>
    GarbageHeaders,

    /// <summary>Answer with a very large body streamed from a reused buffer instead of handling the request (the request has no effect).</summary>
    HugeBody,

    /// <summary>Answer with a redirect (3xx and <c>Location</c>) instead of handling the request (the request has no effect).</summary>
    Redirect,
}
