using System.CommandLine;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Http;
using LumaAgents.Cli.Input;
using LumaAgents.Cli.Lifetime;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary>One invocation: the parsed global options, the environment, the output writer, the created job, and the client factory.</summary>
internal sealed class CliContext
{
    private CliContext(ParseResult parse, GlobalOptions globals, CliEnvironment environment, StopSignal stop)
    {
        Parse = parse;
        Globals = globals;
        Environment = environment;
        Stop = stop;
        Debug = parse.GetValue(globals.Debug);
        Notices = new Notices(environment.Error);
        Jobs = new JobLedger(Notices);
        var transform = parse.GetValue(globals.Transform);
        Output = new OutputWriter(
            environment,
            Enum.Parse<OutputFormatKind>(parse.GetValue(globals.Format) ?? "auto", ignoreCase: true),
            transform is null ? null : JsonTransform.Parse(transform),
            parse.GetValue(globals.RawOutput));
        if (parse.GetValue(globals.TransformError) is { } transformError)
        {
            // Checked now, not when an error needs it: a typo here must not wait for a failure to show.
            JsonTransform.Parse(transformError);
        }
    }

    public ParseResult Parse { get; }

    public GlobalOptions Globals { get; }

    public CliEnvironment Environment { get; }

    public StopSignal Stop { get; }

    public bool Debug { get; }

    public OutputWriter Output { get; }

    /// <summary>Lines on stderr that stay on the screen (above a live spinner).</summary>
    public Notices Notices { get; }

    /// <summary>The generation this invocation created, if any, and how to resume it.</summary>
    public JobLedger Jobs { get; }

    public static CliContext Create(ParseResult parse, GlobalOptions globals, CliEnvironment environment, StopSignal stop) => new(parse, globals, environment, stop);

    /// <summary>The error reporter for this invocation: <c>--format-error</c>, <c>--transform-error</c>, the created job, the stop reason.</summary>
    public ErrorReporter Reporter() => CreateReporter(Parse, Globals, Environment, Stop, Jobs);

    /// <summary>The error reporter before (or without) a context: parse errors, failures building the context.</summary>
    public static ErrorReporter CreateReporter(ParseResult? parse, GlobalOptions globals, CliEnvironment environment, StopSignal? stop, JobLedger? jobs = null)
    {
        var debug = Safe(parse, globals.Debug);
        OutputWriter? document = null;
        try
        {
            // The line may be the very thing being reported (--format-error bogus): read what parsed, skip the rest.
            var format = Safe(parse, globals.FormatError);
            var transform = Safe(parse, globals.TransformError);
            if (format is "json" or "jsonl" or "raw" or "yaml" || transform is not null)
            {
                var kind = Enum.Parse<OutputFormatKind>(format is null or "auto" or "pretty" ? "json" : format, ignoreCase: true);
                var onStderr = environment with { Output = environment.Error, IsOutputTerminal = environment.IsErrorTerminal };
                document = new OutputWriter(onStderr, kind, transform is null ? null : JsonTransform.Parse(transform), rawOutput: Safe(parse, globals.RawOutput));
            }
        }
        catch (CliException)
        {
            // A malformed --transform-error: report the error itself in plain lines.
        }

        var aboutFiles = parse is not null && Parsing.StrictParsing.CommandPath(parse).StartsWith("luma files", StringComparison.Ordinal);
        return new ErrorReporter(environment.Error, debug, stop, jobs, document) { AboutFiles = aboutFiles };
    }

    /// <summary>An option's value, or its default when it is missing or its own value did not parse.</summary>
    private static T? Safe<T>(ParseResult? parse, Option<T> option)
    {
        if (parse?.GetResult(option) is not { } result || result.Errors.Any())
        {
            return default;
        }

        try
        {
            return parse.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>
    /// A client configured only from the command line and <see cref="CliEnvironment"/> (never the process
    /// environment), sending through an <see cref="HttpClient"/> of ours so <c>--debug</c> can see each attempt, with
    /// the SDK's rate-limit waits shown through <see cref="Notices"/>.
    /// </summary>
    /// <param name="validate">Whether the SDK checks requests before sending (<c>--no-validate</c> turns it off).</param>
    public LumaSession Connect(bool validate = true)
    {
        var (apiKey, keySource) = ResolveApiKey();
        var options = new LumaClientOptions
        {
            ApiKey = apiKey,
            BaseUrl = ResolveBaseUrl(),
            ValidateRequests = validate,
            TimeProvider = Environment.TimeProvider,
            LoggerFactory = new WaitNoticeLogger(Notices),
        };
        if (Parse.GetValue(Globals.MaxRetries) is { } retries)
        {
            if (retries < 0)
            {
                throw new CliException("--max-retries cannot be negative.");
            }

            options.Retry.MaxRetries = retries;
        }

        if (Parse.GetValue(Globals.RequestTimeout) is { } attemptTimeout)
        {
            var timeout = Durations.Parse(attemptTimeout, Globals.RequestTimeout.Name, allowInfinite: true);
            options.Timeout = timeout > TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan
                ? timeout
                : throw new CliException("--request-timeout must be more than 0; use 'none' for no limit.");
        }

        if (MaxRateLimitWait() is { } longest)
        {
            // A 429 asking for longer surfaces as LumaRateLimitException (exit 5); so does a longer requests-per-minute hold.
            options.Retry.MaxServerDelay = longest;
        }

        HttpMessageHandler transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        if (Debug)
        {
            Environment.Error.WriteLine($"debug: luma {LumaCli.Version}, base URL {options.BaseUrl}, API key from {keySource} (redacted)");
            transport = new DebugLoggingHandler(Environment.Error, apiKey, transport);
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

    /// <summary>The key from the flag or the environment, checked here so messages name what the user set.</summary>
    private (string Key, string Source) ResolveApiKey()
    {
        var fromFlag = Parse.GetValue(Globals.ApiKey);
        var source = fromFlag is null ? LumaClientOptions.ApiKeyEnvironmentVariable : "--api-key";
        var key = fromFlag ?? Environment.GetVariable(LumaClientOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException(
                "no API key",
                $"pass --api-key or set {LumaClientOptions.ApiKeyEnvironmentVariable} (keys start with luma-api-; create one in the Luma Agents dashboard). "
                + "No key yet? Try it offline: run `luma simulator` and paste the two export lines it prints",
                ExitCodes.Authentication);
        }

        key = key.Trim();
        if (key.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"the API key in {source} starts with 'Bearer '", "give the key alone (luma-api-…); the tool adds the scheme", ExitCodes.Authentication);
        }

        if (key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '~'))
        {
            throw new CliException(
                $"the API key in {source} contains a space, a control or a non-ASCII character",
                "copy the key again: it looks like luma-api-… with no spaces (quote it if your shell split it)",
                ExitCodes.Authentication);
        }

        return (key, source);
    }

    private TimeSpan? MaxRateLimitWait()
    {
        var text = Parse.GetValue(Globals.MaxWaitRateLimit);
        if (Parse.GetValue(Globals.NoWaitRateLimit))
        {
            if (text is not null)
            {
                throw new CliException("--no-wait-rate-limit and --max-wait-rate-limit contradict each other.", "give one of them");
            }

            return TimeSpan.Zero;
        }

        return text is null ? null : Durations.Parse(text, Globals.MaxWaitRateLimit.Name);
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
