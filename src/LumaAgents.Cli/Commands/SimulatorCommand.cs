using System.CommandLine;
using System.Globalization;
using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Input;
using LumaAgents.Testing;
using Microsoft.Extensions.Logging;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// <c>luma simulator</c>: runs <see cref="FakeLumaServer"/> (the SDK's API simulator) in the foreground on 127.0.0.1,
/// prints the two <c>export</c> lines that point <c>luma</c> (and the SDK, and the samples) at it, logs each request
/// on stderr, and stops cleanly on Ctrl+C or SIGTERM. No key and no network needed; nothing is billed.
/// </summary>
internal static class SimulatorCommand
{
    public static Command Build(Invocation invocation)
    {
        var command = new Command(
            "simulator",
            "Run a local simulator of the Luma Agents API (no key, no network, nothing billed) until Ctrl+C. It prints the "
            + "export lines to use it from another shell; waits against it take the simulator's time, not the real API's delays.\n"
            + "Example: luma simulator --processing 4s --fail-rate 0.2");
        var port = new Option<int?>("--port") { Description = "The port on 127.0.0.1 (default: a free one).", HelpName = "n" };
        var queued = new Option<string>("--queued") { Description = "How long each generation stays queued (default 1s).", HelpName = "duration" };
        var processing = new Option<string>("--processing") { Description = "How long each generation then processes (default 3s).", HelpName = "duration" };
        var rpm = new Option<int?>("--rpm") { Description = "Creates allowed per minute (a sliding window, as the API does); default unlimited.", HelpName = "n" };
        var concurrent = new Option<int?>("--concurrent-jobs") { Description = "Unfinished generations allowed at once; default unlimited.", HelpName = "n" };
        var failRate = new Option<string>("--fail-rate")
        {
            Description = "The share of generations that fail with generation_failed: 0 to 1, or a percentage (0.2 or 20%); default 0. A prompt containing [fail:<code>] always fails with that code.",
            HelpName = "rate",
        };
        var seed = new Option<int?>("--seed") { Description = "The seed of the --fail-rate choice, so a run can be repeated (default 1).", HelpName = "n" };
        foreach (var option in new Option[] { port, queued, processing, rpm, concurrent, failRate, seed })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, invocation, async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var options = new FakeLumaServerOptions
            {
                Port = parse.GetValue(port) is { } p ? (p is >= 0 and <= 65535 ? p : throw new CliException($"--port {p} is not a port (0 to 65535).")) : 0,
                QueuedFor = Duration(parse.GetValue(queued), queued.Name) ?? TimeSpan.FromSeconds(1),
                ProcessingFor = Duration(parse.GetValue(processing), processing.Name) ?? TimeSpan.FromSeconds(3),
                RequestsPerMinute = Positive(parse.GetValue(rpm), rpm.Name),
                MaxConcurrentJobs = Positive(parse.GetValue(concurrent), concurrent.Name),
                LoggerFactory = new RequestLog(context.Environment.Error, context.Environment.TimeProvider),
            };
            if (Rate(parse.GetValue(failRate)) is { } rate and > 0)
            {
                options.OutcomeSelector = FailSome(rate, parse.GetValue(seed) ?? 1);
            }

            FakeLumaServer server;
            try
            {
                server = await FakeLumaServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new CliException($"the simulator cannot listen on 127.0.0.1:{options.Port}: {ex.Message}", "pick another --port, or leave it out for a free one", ExitCodes.Failure);
            }

            await using (server.ConfigureAwait(false))
            {
                // stdout: exactly what a shell needs (eval "$(luma simulator)" is not possible for a foreground
                // process, but the lines paste as they are); stderr: the words for a person.
                context.Environment.Output.WriteLine($"export {LumaClientOptions.BaseUrlEnvironmentVariable}={server.BaseUrl}");
                context.Environment.Output.WriteLine($"export {LumaClientOptions.ApiKeyEnvironmentVariable}={server.ApiKey}");
                await context.Environment.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                context.Environment.Error.WriteLine(
                    $"luma simulator: listening on {server.BaseUrl} (queued {Durations.Format(options.QueuedFor)}, processing {Durations.Format(options.ProcessingFor)}). "
                    + "Paste the two export lines into another shell, then: luma generate image \"a lighthouse at dawn\". Ctrl+C stops it.");
                await context.Environment.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: the normal way to stop it.
                }
            }

            var signal = context.Stop.Reason?.ExitCode switch
            {
                ExitCodes.Interrupted => " (Ctrl+C)",
                ExitCodes.Terminated => " (SIGTERM)",
                _ => string.Empty,
            };
            context.Environment.Error.WriteLine($"luma simulator: stopped{signal}.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A deterministic pseudo-random choice per generation: the same seed fails the same generations.</summary>
    private static Func<FakeGenerationContext, FakeOutcome?> FailSome(double rate, int seed)
        => generation =>
        {
            // SplitMix64 of (seed, sequence number): stable across runs and platforms, unlike System.Random's algorithm.
            var z = unchecked(((ulong)(uint)seed << 32) + (ulong)generation.SequenceNumber + 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            var draw = (z >> 11) * (1.0 / (1UL << 53));
            return draw < rate ? FakeOutcome.Failed("generation_failed", "the simulator failed this generation (--fail-rate)") : null;
        };

    private static double? Rate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        if (!double.TryParse(percent ? trimmed[..^1] : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new CliException($"--fail-rate '{text}' is not a rate.", "write 0 to 1 (0.2) or a percentage (20%)");
        }

        var rate = percent ? value / 100 : value;
        return rate is >= 0 and <= 1 ? rate : throw new CliException($"--fail-rate '{text}' is out of range.", "write 0 to 1 (0.2) or a percentage (20%)");
    }

    private static TimeSpan? Duration(string? text, string name) => text is null ? null : Durations.Parse(text, name);

    private static int? Positive(int? value, string name)
        => value is not { } n ? null : n > 0 ? n : throw new CliException($"{name} must be at least 1 (leave it out for no limit).");

    /// <summary>One stderr line per request the simulator answers (its own log lines), and warnings from the web host.</summary>
    private sealed class RequestLog(TextWriter error, TimeProvider time) : ILoggerFactory, ILogger
    {
        private const string SimulatorCategory = "LumaAgents.Testing.FakeLumaServer";
        private readonly Lock _gate = new();

        public ILogger CreateLogger(string categoryName)
            => categoryName == SimulatorCategory ? this : new WarningsOnly(this);

        public void AddProvider(ILoggerProvider provider)
        {
            // The command decides what it prints.
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{time.GetLocalNow():HH:mm:ss.fff} {formatter(state, exception)}";
            lock (_gate)
            {
                error.WriteLine(line);
                error.Flush();
            }
        }

        public void Dispose()
        {
            // Nothing to release.
        }

        private sealed class WarningsOnly(RequestLog inner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    inner.Log(logLevel, eventId, state, exception, formatter);
                }
            }
        }
    }
}
