namespace LumaAgents.Cli;

/// <summary>The exit codes of <c>luma</c>, one per kind of failure, so scripts can branch without parsing text.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Any failure without a code of its own: the network, a server error (5xx), a download, 402.</summary>
    public const int Failure = 1;

    /// <summary>The request or the command line is invalid: a usage error, a bad body, client-side validation, 400, 413, 422.</summary>
    public const int Validation = 2;

    /// <summary>No key, or the key was refused (401), or the account is suspended (403).</summary>
    public const int Authentication = 3;

    /// <summary>No such generation or file (404).</summary>
    public const int NotFound = 4;

    /// <summary>A rate limit refused the request (429) after the SDK's retries, or would have made it wait longer than <c>--max-wait-rate-limit</c>.</summary>
    public const int RateLimited = 5;

    /// <summary>The generation ended in the <c>failed</c> state; its failure code is on standard error.</summary>
    public const int GenerationFailed = 6;

    /// <summary>A wait passed its deadline, or a request timed out. The job itself keeps running.</summary>
    public const int Timeout = 7;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT, the shell convention).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), for example by <c>kill</c>, a service manager or a CI timeout.</summary>
    public const int Terminated = 143;
}
