using System.Diagnostics;

namespace LumaAgents.Testing.Tests.Lifetime;

/// <summary>
/// An app that starts FakeLumaServer still stops on Ctrl-C and SIGTERM: the simulator installs no console or signal
/// handling (a web host's default console lifetime would swallow both). Real child processes, real signals from
/// <c>kill</c>; "promptly" is the ordering "signal sent, then the process exited", bounded by a generous deadline
/// that only a hang reaches.
/// </summary>
public sealed class HostLifetimeTests
{
    private static readonly TimeSpan HangDeadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("INT", 2)]
    [InlineData("TERM", 15)]
    public async Task An_app_without_signal_handling_of_its_own_is_ended_by_the_signal(string signal, int number)
    {
        using Process app = await StartReadyAsync(handled: false);

        await SendAsync(signal, app.Id);
        bool exited = await WaitForExitAsync(app);

        Assert.True(exited, $"The app was still running {HangDeadline.TotalSeconds} s after SIG{signal}: something swallowed the signal.");
        Assert.Equal(128 + number, app.ExitCode);
    }

    [Theory]
    [InlineData("INT", "SIGINT")]
    [InlineData("TERM", "SIGTERM")]
    public async Task An_app_that_handles_the_signal_itself_receives_it_and_shuts_the_server_down(string signal, string name)
    {
        using Process app = await StartReadyAsync(handled: true);

        await SendAsync(signal, app.Id);
        bool exited = await WaitForExitAsync(app);
        string rest = await app.StandardOutput.ReadToEndAsync();

        Assert.True(exited, $"The app was still running {HangDeadline.TotalSeconds} s after SIG{signal}.");
        Assert.Equal($"stopped by {name}", rest.Trim());
        Assert.Equal(0, app.ExitCode);
    }

    /// <summary>Starts the helper and waits for its "ready" line, which it prints after the server answered a create.</summary>
    private static async Task<Process> StartReadyAsync(bool handled)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LumaAgents.Testing.SignalHost.dll"));
        if (handled)
        {
            start.ArgumentList.Add("handled");
        }

        Process app = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(HangDeadline);
        string? line = await app.StandardOutput.ReadLineAsync(deadline.Token);
        if (line != "ready 201")
        {
            app.Kill(entireProcessTree: true);
            string error = await app.StandardError.ReadToEndAsync();
            app.Dispose();
            throw new Xunit.Sdk.XunitException($"The helper did not get ready: stdout '{line}', stderr '{error}'.");
        }

        return app;
    }

    private static async Task SendAsync(string signal, int pid)
    {
        using Process kill = Process.Start("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task<bool> WaitForExitAsync(Process app)
    {
        using var deadline = new CancellationTokenSource(HangDeadline);
        try
        {
            await app.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            return false;
        }
    }
}
