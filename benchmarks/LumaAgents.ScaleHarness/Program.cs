// Scale figures for BENCHMARKS.md, against the simulator on 127.0.0.1:
//   dotnet run -c Release --project benchmarks/LumaAgents.ScaleHarness                  (every scenario)
//   dotnet run -c Release --project benchmarks/LumaAgents.ScaleHarness -- waits-virtual (or waits-real, throttle)
// Each scenario runs in a process of its own, so one's leftovers (connections closing, garbage) cannot skew
// another's thread and memory figures.
using System.Diagnostics;
using LumaAgents.ScaleHarness;

string[] scenarios = ["waits-virtual", "waits-real", "throttle"];
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
