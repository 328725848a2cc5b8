using System.CommandLine;

namespace LumaAgents.Cli.Commands;

/// <summary>The options every command accepts, anywhere on the line (they are recursive).</summary>
internal sealed class GlobalOptions
{
    public static readonly string[] Formats = ["auto", "json", "jsonl", "pretty", "raw", "yaml"];

    public Option<string> ApiKey { get; } = new("--api-key")
    {
        Description = "The API key (default: $LUMA_AGENTS_API_KEY).",
        HelpName = "key",
        Recursive = true,
    };

    public Option<string> BaseUrl { get; } = new("--base-url")
    {
        Description = "The API's base URL with its scheme (default: $LUMA_BASE_URL, else https://agents.lumalabs.ai/v1).",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> Format { get; } = CreateFormat();

    public Option<string> Transform { get; } = new("--transform")
    {
        Description = "Print only part of the result, by a dotted path such as output.0.url (missing parts print null).",
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

    public IEnumerable<Option> All => [ApiKey, BaseUrl, Format, Transform, RawOutput, Debug, MaxRetries];

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: pretty (a table) on a terminal, json otherwise.",
            HelpName = string.Join('|', Formats),
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(Formats);
        return option;
    }
}
