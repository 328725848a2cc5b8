using LumaAgents.Testing;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>Starts the simulator when no API key is configured anywhere, so the sample runs out of the box.</summary>
public static class SimulatorFallback
{
    /// <summary>Starts a simulator and points <paramref name="luma"/> at it, unless a key is configured.</summary>
    /// <param name="configuration">The app configuration (its <c>Simulator</c> section tunes the simulator's timings).</param>
    /// <param name="luma">The section AddLumaAgents will read.</param>
    public static async Task<FakeLumaServer?> StartIfNoKeyAsync(IConfiguration configuration, IConfigurationSection luma)
    {
        if (!string.IsNullOrWhiteSpace(luma["ApiKey"])
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable)))
        {
            return null;
        }

        var timings = configuration.GetSection("Simulator");
        var simulator = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            QueuedFor = TimeSpan.TryParse(timings["QueuedFor"], out var queued) ? queued : TimeSpan.FromSeconds(1),
            ProcessingFor = TimeSpan.TryParse(timings["ProcessingFor"], out var processing) ? processing : TimeSpan.FromSeconds(3),
            MaxConcurrentJobs = int.TryParse(timings["MaxConcurrentJobs"], out var jobs) ? jobs : 10,
        });
        luma["ApiKey"] = simulator.ApiKey;
        luma["BaseUrl"] = simulator.BaseUrl.ToString();

        // The simulator finishes in seconds; the real API's first poll after 20 s would only slow the demo.
        luma["ImageWait:InitialDelay"] ??= "00:00:01";
        luma["ImageWait:PollInterval"] ??= "00:00:01";
        return simulator;
    }
}
