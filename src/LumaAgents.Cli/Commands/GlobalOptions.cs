using System.CommandLine;

namespace LumaAgents.Cli.Commands;

/// <summary>The options every command accepts, anywhere on the line (they are recursive).</summary>
internal sealed class GlobalOptions
{
    public static readonly string[] Formats = ["auto", "json", "jsonl", "pretty", "raw", "yaml"];

    /// <summary><c>--auth-token</c> is the official CLI's name for it (scripts written for it keep working).</summary>
    public Option<string> ApiKey { get; } = new("--api-key", "--auth-token")
    {
        Description = "The API key (default: $LUMA_AGENTS_API_KEY). --auth-token is the same option.",
        HelpName = "key",
        Recursive = true,
    };

    public Option<string> BaseUrl { get; } = new("--base-url")
    {
        Description = "The API's base URL with its scheme (default: $LUMA_BASE_URL, else https://agents.lumalabs.ai/v1).",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> Format { get; } = CreateFormat("--format", "Output format: pretty (a table) on a terminal, json otherwise.", "-f");

    public Option<string> FormatError { get; } = CreateFormat(
        "--format-error",
        "Error format: auto and pretty print error:/hint: lines; json, jsonl, raw and yaml print one document on stderr (status, detail, request_id, error, exit_code, hints).");

    public Option<string> Transform { get; } = new("--transform")
    {
        Description = "Print only part of the result, by a dotted path such as output.0.url (missing parts print null).",
        HelpName = "path",
        Recursive = true,
    };

    public Option<string> TransformError { get; } = new("--transform-error")
    {
        Description = "Print only part of the error document, e.g. --transform-error detail (implies a document; see --format-error).",
        HelpName = "path",
        Recursive = true,
    };

    public Option<bool> RawOutput { get; } = new("--raw-output", "-r")
    {
        Description = "Print a string result without JSON quotes (with --transform, a bare URL or id).",
        Recursive = true,
    };

    public Option<bool> Debug { get; } = new("--debug")
    {
        Description = "Dump each HTTP request and response to stderr (key redacted), and stack traces on errors.",
        Recursive = true,
    };

    public Option<int?> MaxRetries { get; } = new("--max-retries")
    {
        Description = "Retries of a failed HTTP attempt (default 2; a create is retried only when surely not created).",
        HelpName = "n",
        Recursive = true,
    };

    public Option<string> RequestTimeout { get; } = new("--request-timeout")
    {
        Description = "How long one HTTP attempt may take before it is abandoned (default 60s; 'none' for no limit).",
        HelpName = "duration",
        Recursive = true,
    };

    public Option<string> MaxWaitRateLimit { get; } = new("--max-wait-rate-limit")
    {
        Description = "The longest wait for a rate limit (a 429's Retry-After, or holding a create for the requests-per-minute window) before giving up with exit 5 (default 60s).",
        HelpName = "duration",
        Recursive = true,
    };

    public Option<bool> NoWaitRateLimit { get; } = new("--no-wait-rate-limit")
    {
        Description = "Never wait for a rate limit: exit 5 at once (the same as --max-wait-rate-limit 0).",
        Recursive = true,
    };

    public IEnumerable<Option> All => [ApiKey, BaseUrl, Format, FormatError, Transform, TransformError, RawOutput, Debug, MaxRetries, RequestTimeout, MaxWaitRateLimit, NoWaitRateLimit];

    private static Option<string> CreateFormat(string name, string description, params string[] aliases)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = description,
            HelpName = string.Join('|', Formats),
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(Formats);
        return option;
    }
}
