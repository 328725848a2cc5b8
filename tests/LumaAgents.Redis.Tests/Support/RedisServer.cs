using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace LumaAgents.Redis.Tests.Support;

/// <summary>
/// A redis-server this test run started on a free loopback port (no persistence), stopped by its own pid. Tests that
/// kill Redis mid-run get one of their own, never the shared one.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string InstallHint = "Install it with `apt-get install -y --no-install-recommends redis-server` (.ci/run does), or set LUMA_TEST_REDIS=host:port to a running Redis.";

    private readonly string _pidFile;

    private RedisServer(int port, string pidFile)
    {
        Port = port;
        _pidFile = pidFile;
    }

    public int Port { get; }

    public string Address => "127.0.0.1:" + Port;

    public static async Task<RedisServer> StartAsync(int? port = null, params string[] extraArguments)
    {
        var executable = FindOnPath("redis-server")
            ?? throw new InvalidOperationException("These tests need a real Redis, and redis-server is not on PATH. " + InstallHint);
        var chosen = port ?? FreePort();
        var pidFile = Path.Combine(Path.GetTempPath(), $"luma-redis-test-{chosen}-{Guid.NewGuid():N}.pid");
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", pidFile }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        using (var launcher = Process.Start(start)!)
        {
            await launcher.WaitForExitAsync();
            if (launcher.ExitCode != 0)
            {
                throw new InvalidOperationException($"redis-server did not start on port {chosen}: {await launcher.StandardError.ReadToEndAsync()}{await launcher.StandardOutput.ReadToEndAsync()}");
            }
        }

        var server = new RedisServer(chosen, pidFile);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Kills the server abruptly (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (ReadPid() is not { } pid)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        File.Delete(_pidFile);
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private int? ReadPid()
        => File.Exists(_pidFile) && int.TryParse(File.ReadAllText(_pidFile).Trim(), out var pid) ? pid : null;

    private async Task WaitUntilReadyAsync()
    {
        // Process start-up is real time; bounded at 10 s.
        var deadline = Environment.TickCount64 + 10_000;
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Address + ",connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                if (ReadPid() is not null)
                {
                    return;
                }
            }
            catch (RedisConnectionException) when (Environment.TickCount64 < deadline)
            {
            }

            if (Environment.TickCount64 >= deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer within 10 s.");
            }

            await Task.Delay(20);
        }
    }
}
