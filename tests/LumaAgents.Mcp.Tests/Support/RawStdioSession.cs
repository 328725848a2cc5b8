using System.Diagnostics;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Tests.Support;

/// <summary>
/// A <c>luma-mcp</c> process whose stdin, stdout and stderr are all kept byte for byte while the C# MCP client
/// talks to it, so a test can scan everything the server ever wrote.
/// </summary>
public sealed class RawStdioSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TeeStream _input;
    private readonly TeeStream _output;
    private readonly StringBuilder _stderr;

    private RawStdioSession(Process process, TeeStream input, TeeStream output, StringBuilder stderr, McpClient client)
    {
        _process = process;
        _input = input;
        _output = output;
        _stderr = stderr;
        Client = client;
    }

    public McpClient Client { get; }

    /// <summary>The process's exit code once <see cref="DisposeAsync"/> has waited for it.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>What the client sent.</summary>
    public string StandardInput => _input.Text;

    /// <summary>What the server wrote to standard output: the protocol, and nothing else.</summary>
    public string StandardOutput => _output.Text;

    /// <summary>What the server wrote to standard error: its logs.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<RawStdioSession> StartAsync(IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(StdioServer.ServerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in StdioServer.ChildEnvironment(environment))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var input = new TeeStream(process.StandardInput.BaseStream);
        var output = new TeeStream(process.StandardOutput.BaseStream);
        var client = await McpClient.CreateAsync(new StreamClientTransport(input, output));
        return new RawStdioSession(process, input, output, stderr, client);
    }

    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null)
        => Client.CallToolAsync(tool, arguments, progress).AsTask();

    /// <summary>Closes stdin, as a host does, and waits for the process to end (and its stderr to drain).</summary>
    public async ValueTask DisposeAsync()
    {
        if (ExitCode is not null)
        {
            return;
        }

        await Client.DisposeAsync();

        // The stream transport does not own the streams: closing stdin is what tells the server to stop.
        _input.Dispose();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(guard.Token);
            ExitCode = _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("luma-mcp did not exit when its stdin closed.");
        }
        finally
        {
            _process.Dispose();
        }
    }
}
