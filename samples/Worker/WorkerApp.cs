using LumaAgents.Testing;
using Microsoft.Extensions.Options;

namespace LumaAgents.Samples.Worker;

/// <summary>Builds and runs the worker host, so tests can run the very same host.</summary>
public static class WorkerApp
{
    /// <summary>The prompts used when no file is given.</summary>
    public static readonly string[] DefaultPrompts =
    [
        "a lighthouse at dawn, oil painting",
        "a red fox in fresh snow",
        "a paper boat on a rainy street",
        "an astronaut reading in a hammock",
        "a bowl of ramen, studio lighting",
    ];

    /// <summary>Runs the worker until its queue is drained or it is stopped, and returns the process exit code.</summary>
    /// <param name="args">Command-line arguments (configuration overrides).</param>
    /// <returns>One of <see cref="WorkerExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = await BuildAsync(args);
        try
        {
            // The settings are checked before anything starts or is sent: say what to fix, without a stack trace.
            _ = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                Console.Error.WriteLine(failure);
            }

            return WorkerExitCodes.BadSettings;
        }

        var report = host.Services.GetRequiredService<WorkerReport>();
        await host.RunAsync();
        return report.ExitCode;
    }

    /// <summary>Builds the host; with no API key configured it starts a simulator and points the client at it.</summary>
    /// <param name="args">Command-line arguments (configuration overrides).</param>
    public static async Task<IHost> BuildAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var luma = builder.Configuration.GetSection("LumaAgents");
        FakeLumaServer? simulator = null;
        if (string.IsNullOrWhiteSpace(luma["ApiKey"]) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable)))
        {
            var timings = builder.Configuration.GetSection("Simulator");
            simulator = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
            {
                QueuedFor = TimeSpan.TryParse(timings["QueuedFor"], out var queued) ? queued : TimeSpan.FromSeconds(1),
                ProcessingFor = TimeSpan.TryParse(timings["ProcessingFor"], out var processing) ? processing : TimeSpan.FromSeconds(2),
                MaxConcurrentJobs = int.TryParse(timings["MaxConcurrentJobs"], out var jobs) ? jobs : 2,
            });
            luma["ApiKey"] = simulator.ApiKey;
            luma["BaseUrl"] = simulator.BaseUrl.ToString();

            // The simulator finishes in seconds; the real API's first poll after 20 s would only slow the demo.
            luma["ImageWait:InitialDelay"] ??= "00:00:01";
            luma["ImageWait:PollInterval"] ??= "00:00:01";

            // Created by a factory, so the container owns it: disposing the host (however it ends) stops the simulator.
            builder.Services.AddSingleton(_ => simulator);
        }

        builder.Services.AddLumaAgents(luma);
        builder.Services.AddOptions<WorkerOptions>()
            .Configure(o =>
            {
                var section = builder.Configuration.GetSection("Worker");
                o.PromptsFile = string.IsNullOrWhiteSpace(section["PromptsFile"]) ? null : section["PromptsFile"];
                o.OutputDirectory = section["OutputDirectory"] ?? o.OutputDirectory;
                o.MaxParallel = int.TryParse(section["MaxParallel"], out var parallel) ? parallel : o.MaxParallel;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        builder.Services.AddSingleton(provider => PromptQueue.From(provider.GetRequiredService<IOptions<WorkerOptions>>().Value, DefaultPrompts));
        builder.Services.AddSingleton<WorkerReport>();
        builder.Services.AddHostedService<GenerationWorker>();

        var host = builder.Build();
        if (simulator is not null)
        {
            // Resolved once, so the container tracks it for disposal (it only disposes what it handed out).
            _ = host.Services.GetRequiredService<FakeLumaServer>();
            var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LumaAgents.Samples.Worker");
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => log.LogWarning(
                "No LUMA_AGENTS_API_KEY or LumaAgents:ApiKey: using the built-in simulator at {BaseUrl} (nothing is billed).", simulator.BaseUrl));
        }

        return host;
    }
}
