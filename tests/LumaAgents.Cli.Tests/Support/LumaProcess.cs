using System.Diagnostics;
using System.Text;

namespace LumaAgents.Cli.Tests.Support;

/// <summary>
/// The real tool in a child process (<c>dotnet luma.dll</c> from the test's output folder), for what only a process
/// has: signals, exit codes, a foreground server. Its environment has no LUMA_* variables but the ones given.
/// </summary>
internal sealed class LumaProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private LumaProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static LumaProcess Start(IReadOnlyDictionary<string, string> variables, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "luma.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("LUMA_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var luma = new LumaProcess(process);
        process.OutputDataReceived += (_, e) => Append(luma._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(luma._stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return luma;
    }

    /// <summary>Waits (polling, at most about 20 s) until stdout or stderr contains <paramref name="text"/>.</summary>
    public async Task WaitForAsync(Func<LumaProcess, string> stream, string text)
    {
        for (var i = 0; i < 2000 && !stream(this).Contains(text, StringComparison.Ordinal); i++)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"luma exited ({_process.ExitCode}) before showing '{text}'.\nstdout: {Stdout}\nstderr: {Stderr}");
            }

            await Task.Delay(10);
        }

        Assert.True(stream(this).Contains(text, StringComparison.Ordinal), $"luma never showed '{text}'.\nstdout: {Stdout}\nstderr: {Stderr}");
    }

    /// <summary>Sends a real signal (kill -s NAME), as a shell, a service manager or Ctrl+C in a terminal would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The exit code, waiting at most 20 s for it.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
