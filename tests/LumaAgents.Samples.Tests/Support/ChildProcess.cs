using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LumaAgents.Samples.Tests.Support;

/// <summary>
/// A real child process (a sample, or <c>dotnet run</c> of a script) with its output read line by line, so a test
/// can wait for a line, send a real signal, and check the exit code. Never the real API: the key is removed.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    /// <summary>A hang guard only: far longer than any step takes; the tests assert by output, never by duration.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(4);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    /// <summary>Every line so far, stdout and stderr interleaved in arrival order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Everything so far as one text, for assertion messages.</summary>
    public string Output => string.Join(Environment.NewLine, _lines);

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Never the real, billed API; and no telemetry or first-run banners in the output.
        info.Environment.Remove("LUMA_AGENTS_API_KEY");
        info.Environment.Remove("LUMA_BASE_URL");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data, child._stdoutClosed);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data, child._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts a built sample the way <c>dotnet run --project samples/{name}</c> does: from its project folder.</summary>
    public static ChildProcess StartSample(string name, params string[] arguments)
        => StartSample(name, null, arguments);

    /// <summary>Starts a built sample with extra environment variables.</summary>
    public static ChildProcess StartSample(string name, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
        => Start("dotnet", [Repository.SampleAssembly(name), .. arguments], Repository.SampleFolder(name), environment);

    /// <summary>Waits for the first line that matches, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var seen = 0;
        while (true)
        {
            var lines = Lines;
            for (; seen < lines.Count; seen++)
            {
                if (match(lines[seen]))
                {
                    return lines[seen];
                }
            }

            if (_process.HasExited && _stdoutClosed.Task.IsCompleted && _stderrClosed.Task.IsCompleted && seen == Lines.Count)
            {
                Assert.Fail($"The process exited ({_process.ExitCode}) without printing {what}. Output:{Environment.NewLine}{Output}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(500), guard.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No line with {what} after {HangGuard} (hang guard). Output:{Environment.NewLine}{Output}");
            }
        }
    }

    /// <summary>Sends a real POSIX signal (SIGINT is what Ctrl-C sends; SIGTERM is what a service manager sends).</summary>
    public void Signal(PosixSignalNumber signal)
    {
        if (Kill(_process.Id, (int)signal) != 0)
        {
            Assert.Fail($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the process to exit and all its output to be read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await _process.WaitForExitAsync(guard.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The process did not exit within {HangGuard} (hang guard). Output:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Receive(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            _lines.Enqueue(line);
        }

        _lineArrived.Release();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>The POSIX signal numbers the tests send (the same on Linux and macOS).</summary>
public enum PosixSignalNumber
{
    /// <summary>Ctrl-C.</summary>
    Interrupt = 2,

    /// <summary>A polite request to stop (systemd, Kubernetes, <c>kill</c>).</summary>
    Terminate = 15,
}
