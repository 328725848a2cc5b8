using System.Text;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests.Support;

/// <summary>
/// A simulator and a scratch working directory, and a way to run <see cref="LumaCli.RunAsync"/> against them with a
/// fake environment (no real console, no process environment), so tests run in-process and in parallel.
/// </summary>
internal sealed class CliHarness : IAsyncDisposable
{
    /// <summary>Where an offline harness points the tool: the discard port on loopback, where nothing listens.</summary>
    public static readonly Uri NowhereUrl = new("http://127.0.0.1:9/");

    private readonly FakeLumaServer? _server;

    private CliHarness(FakeLumaServer? server, string directory)
    {
        _server = server;
        WorkingDirectory = directory;
    }

    /// <summary>The simulator; an offline harness (<see cref="Offline"/>) has none.</summary>
    public FakeLumaServer Server => _server ?? throw new InvalidOperationException("This harness is offline (no simulator): use CliHarness.StartAsync for a test that sends.");

    public string WorkingDirectory { get; }

    /// <summary>A simulator whose generations finish at once (queued and processing for zero time).</summary>
    public static async Task<CliHarness> StartAsync(Action<FakeLumaServerOptions>? configure = null)
    {
        var options = new FakeLumaServerOptions { QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero };
        configure?.Invoke(options);
        var server = await FakeLumaServer.StartAsync(options);
        return new CliHarness(server, ScratchDirectory());
    }

    /// <summary>
    /// No simulator, for runs that must not send (help, completion, version, usage errors): the tool gets a key and
    /// <see cref="NowhereUrl"/>, so a run that sent anyway would fail to connect instead of passing.
    /// </summary>
    public static CliHarness Offline() => new(null, ScratchDirectory());

    private static string ScratchDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "luma-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The environment every run gets unless a test says otherwise: the simulator's key and URL (offline: a key and <see cref="NowhereUrl"/>).</summary>
    public Dictionary<string, string> DefaultVariables() => new()
    {
        ["LUMA_AGENTS_API_KEY"] = _server?.ApiKey ?? "luma-offline-test-key",
        ["LUMA_BASE_URL"] = (_server?.BaseUrl ?? NowhereUrl).ToString(),
        ["HOME"] = WorkingDirectory,
    };

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, new CliRunOptions());

    public Task<CliResult> RunAsync(string[] args, CliRunOptions options) => Start(args, options).Completion;

    /// <summary>Starts a run and returns at once, so a test can watch stderr and stop it (Ctrl+C, SIGTERM) midway.</summary>
    public CliRun Start(string[] args, CliRunOptions? options = null)
    {
        options ??= new CliRunOptions();
        var stdout = new LockedStringWriter();
        var stderr = new LockedStringWriter();
        var stop = new LumaAgents.Cli.Lifetime.StopSignal();
        var environment = new CliEnvironment
        {
            Input = new StringReader(options.Stdin ?? string.Empty),
            IsInputRedirected = options.Stdin is not null,
            Output = stdout,
            Error = stderr,
            IsOutputTerminal = options.OutputIsTerminal,
            IsErrorTerminal = options.ErrorIsTerminal,
            TerminalWidth = 120,
            WorkingDirectory = WorkingDirectory,
            Variables = options.Variables ?? DefaultVariables(),
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
        };
        return new CliRun(stdout, stderr, stop, Task.Run(async () =>
        {
            using (stop)
            {
                var exitCode = await LumaCli.RunAsync(args, environment, stop);
                return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
            }
        }));
    }

    /// <summary>Writes a file into the working directory and returns its name.</summary>
    public string WriteFile(string name, string text) => WriteFile(name, Encoding.UTF8.GetBytes(text));

    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(WorkingDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in the temp directory is harmless.
        }
    }
}

/// <summary>How one run's environment differs from the default.</summary>
internal sealed record CliRunOptions
{
    /// <summary>Piped standard input, or null for none.</summary>
    public string? Stdin { get; init; }

    public bool OutputIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    /// <summary>The environment variables, or null for <see cref="CliHarness.DefaultVariables"/>.</summary>
    public Dictionary<string, string>? Variables { get; init; }

    /// <summary>The tool's clock, or null for the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }
}

/// <summary>A run in progress.</summary>
internal sealed class CliRun(LockedStringWriter stdout, LockedStringWriter stderr, LumaAgents.Cli.Lifetime.StopSignal stop, Task<CliResult> completion)
{
    public Task<CliResult> Completion { get; } = completion;

    public string Stdout => stdout.ToString();

    public string Stderr => stderr.ToString();

    /// <summary>Waits (by polling what was written, at most about 10 s) until stderr contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForStderrAsync(string text)
    {
        for (var i = 0; i < 1000 && !Stderr.Contains(text, StringComparison.Ordinal); i++)
        {
            if (Completion.IsCompleted)
            {
                Assert.Fail($"the run ended before stderr showed '{text}': {await Completion}");
            }

            await Task.Delay(10);
        }

        Assert.True(Stderr.Contains(text, StringComparison.Ordinal), $"stderr never showed '{text}': {Stderr}");
        return Stderr;
    }

    /// <summary>Waits (by polling, at most about 10 s) until stdout contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForStdoutAsync(string text)
    {
        for (var i = 0; i < 1000 && !Stdout.Contains(text, StringComparison.Ordinal) && !Completion.IsCompleted; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(Stdout.Contains(text, StringComparison.Ordinal), $"stdout never showed '{text}': {Stdout}\n{Stderr}");
        return Stdout;
    }

    /// <summary>What Ctrl+C or SIGTERM does in the real process (Program.Main requests the same stop).</summary>
    public void Stop(LumaAgents.Cli.Lifetime.StopReason reason) => stop.Request(reason);
}

/// <summary>A StringWriter that may be read while the tool writes to it from other threads.</summary>
internal sealed class LockedStringWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            base.Write(buffer, index, count);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
