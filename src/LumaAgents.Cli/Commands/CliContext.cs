using System.CommandLine;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Http;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary>One invocation: the parsed global options, the environment, the output writer, and the client factory.</summary>
internal sealed class CliContext
{
    private CliContext(ParseResult parse, GlobalOptions globals, CliEnvironment environment)
    {
        Parse = parse;
        Globals = globals;
        Environment = environment;
        Debug = parse.GetValue(globals.Debug);
        var transform = parse.GetValue(globals.Transform);
        Output = new OutputWriter(
            environment,
            Enum.Parse<OutputFormatKind>(parse.GetValue(globals.Format) ?? "auto", ignoreCase: true),
            transform is null ? null : JsonTransform.Parse(transform),
            parse.GetValue(globals.RawOutput));
    }

    public ParseResult Parse { get; }

    public GlobalOptions Globals { get; }

    public CliEnvironment Environment { get; }

    public bool Debug { get; }

    public OutputWriter Output { get; }

    public static CliContext Create(ParseResult parse, GlobalOptions globals, CliEnvironment environment) => new(parse, globals, environment);

    /// <summary>
    /// A client configured only from the command line and <see cref="CliEnvironment"/> (never the process
    /// environment), sending through an <see cref="HttpClient"/> of ours so <c>--debug</c> can see each attempt.
    /// </summary>
    /// <param name="validate">Whether the SDK checks requests before sending (<c>--no-validate</c> turns it off).</param>
    public LumaSession Connect(bool validate = true)
    {
        var apiKey = Parse.GetValue(Globals.ApiKey) ?? Environment.GetVariable(LumaClientOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new CliException(
                "no API key",
                $"pass --api-key or set {LumaClientOptions.ApiKeyEnvironmentVariable} (keys start with luma-api-; create one in the Luma Agents dashboard)",
                ExitCodes.Authentication);
        }

        var options = new LumaClientOptions
        {
            ApiKey = apiKey,
            BaseUrl = ResolveBaseUrl(),
            ValidateRequests = validate,
        };
        if (Parse.GetValue(Globals.MaxRetries) is { } retries)
        {
            if (retries < 0)
            {
                throw new CliException("--max-retries cannot be negative.");
            }

            options.Retry.MaxRetries = retries;
        }

        HttpMessageHandler transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        if (Debug)
        {
            Environment.Error.WriteLine($"debug: luma {LumaCli.Version}, base URL {options.BaseUrl}, API key from {(Parse.GetValue(Globals.ApiKey) is null ? LumaClientOptions.ApiKeyEnvironmentVariable : "--api-key")} (redacted)");
            transport = new DebugLoggingHandler(Environment.Error, apiKey.Trim(), transport);
        }

        // The SDK's per-attempt and total timeouts apply; HttpClient's own 100 s default would race them.
        var http = new HttpClient(transport, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return new LumaSession(new LumaClient(http, options), http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private Uri ResolveBaseUrl()
    {
        var fromFlag = Parse.GetValue(Globals.BaseUrl);
        var text = fromFlag ?? Environment.GetVariable(LumaClientOptions.BaseUrlEnvironmentVariable);
        if (text is null)
        {
            return LumaClientOptions.DefaultBaseUrl;
        }

        var source = fromFlag is null ? LumaClientOptions.BaseUrlEnvironmentVariable : "--base-url";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new CliException(
                $"{source} '{text}' is not an absolute URL with a scheme.",
                "include the scheme, for example https://agents.lumalabs.ai/v1 (http only for a local simulator)");
        }

        return url;
    }
}
