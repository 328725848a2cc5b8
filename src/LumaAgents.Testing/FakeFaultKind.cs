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
}
