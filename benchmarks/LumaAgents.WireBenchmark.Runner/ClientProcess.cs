using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace LumaAgents.Benchmarks.Wire.Runner;

/// <summary>
/// Starts the measured client in a fresh process and returns the JSON line it printed, with the machine's load
/// average before and after. A non-zero exit (a wrong answer, an HTTP error, a crash) or a run past its deadline is an
/// error: no figure comes from it.
/// </summary>
internal sealed class ClientProcess(string clientPath)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public async Task<JsonObject> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = clientPath.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { clientPath } }
            : new ProcessStartInfo(clientPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var loadBefore = LoadAverage();

        // The child measures its start-up from this timestamp (Stopwatch is CLOCK_MONOTONIC, shared by processes).
        start.Environment["WIRE_LAUNCHED_AT"] = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {clientPath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The client ran past {Deadline.TotalMinutes} min: {string.Join(' ', arguments)}");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The client failed (exit {process.ExitCode}), so this benchmark reports nothing: {string.Join(' ', arguments)}\n{errors}{output}");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"The client printed nothing: {string.Join(' ', arguments)}\n{errors}");
        var result = JsonNode.Parse(line)?.AsObject() ?? throw new InvalidOperationException($"Not a JSON object: {line}");
        result["loadBefore"] = loadBefore;
        result["loadAfter"] = LoadAverage();
        return result;
    }

    /// <summary>The one-minute load average (other engineers share this machine).</summary>
    public static double LoadAverage()
        => File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;
}
