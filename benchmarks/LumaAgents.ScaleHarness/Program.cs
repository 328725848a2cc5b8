// Scale figures for BENCHMARKS.md, against the simulator on 127.0.0.1:
//   dotnet run -c Release --project benchmarks/LumaAgents.ScaleHarness                  (every scenario)
//   dotnet run -c Release --project benchmarks/LumaAgents.ScaleHarness -- waits-virtual (or waits-real, throttle, fleet)
// fleet needs redis-server on PATH (apt-get install -y --no-install-recommends redis-server); it writes
// benchmarks/LumaAgents.ScaleHarness/results/fleet.json and fleet.png (or to the folder given after it).
// Each scenario runs in a process of its own, so one's leftovers (connections closing, garbage) cannot skew
// another's thread and memory figures.
using System.Diagnostics;
using LumaAgents.ScaleHarness;

string[] scenarios = ["waits-virtual", "waits-real", "throttle", "fleet"];
var which = args.FirstOrDefault() ?? "all";
switch (which)
{
    case "waits-virtual":
        await WaitScenario.RunAsync(waits: 10_000, virtualTime: true);
        return 0;
    case "waits-real":
        await WaitScenario.RunAsync(waits: 10_000, virtualTime: false);
        return 0;
    case "throttle":
        await ThrottleScenario.RunAsync(creates: 500, requestsPerMinute: 60);
        return 0;
    case "fleet":
        // 4 processes, 120 jobs, 30 creates/min and 5 concurrent jobs per account, time ×5 (see FleetScenario).
        return await FleetScenario.RunAsync(
            processes: 4, jobs: 120, requestsPerMinute: 30, maxJobs: 5, factor: args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5,
            outputDirectory: args.Length > 1 ? args[1] : Path.Combine(FindRepositoryRoot(), "benchmarks", "LumaAgents.ScaleHarness", "results"));
    case "fleet-worker":
        return await FleetWorker.RunAsync(args[1..]);
    case "all":
        Console.WriteLine($"LumaAgents scale harness on {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        foreach (var scenario in scenarios)
        {
            // Run as this app's host executable, or through `dotnet` when started as `dotnet LumaAgents.ScaleHarness.dll`.
            var host = Environment.ProcessPath!;
            string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(WaitScenario).Assembly.Location, scenario] : [scenario];
            using var child = Process.Start(new ProcessStartInfo(host, arguments) { UseShellExecute = false })!;
            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }
        }

        return 0;
    default:
        Console.Error.WriteLine($"Unknown scenario '{which}'; use one of: {string.Join(", ", scenarios)}, or none for all.");
        return 2;
}

// The checkout's root (where LumaAgents.sln is), so results land beside the harness whatever the working folder.
static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LumaAgents.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
