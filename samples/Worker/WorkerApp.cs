using LumaAgents.Testing;

namespace LumaAgents.Samples.Worker;

/// <summary>Builds the worker host, so tests can run the very same host.</summary>
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
            luma["ImageWait:InitialDelay"] ??= "00:00:01";
            luma["ImageWait:PollInterval"] ??= "00:00:01";
        }

        // The SDK's job gate keeps us under the account's concurrent-jobs limit instead of collecting 429s.
        luma["MaxConcurrentJobs"] ??= "2";
        builder.Services.AddLumaAgents(luma);
        builder.Services.Configure<WorkerOptions>(o =>
        {
            var section = builder.Configuration.GetSection("Worker");
            o.PromptsFile = section["PromptsFile"];
            o.OutputDirectory = section["OutputDirectory"] ?? o.OutputDirectory;
            o.MaxParallel = int.TryParse(section["MaxParallel"], out var parallel) && parallel > 0 ? parallel : o.MaxParallel;
        });
        builder.Services.AddSingleton(provider => PromptQueue.From(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value, DefaultPrompts));
        builder.Services.AddSingleton<WorkerReport>();
        builder.Services.AddHostedService<GenerationWorker>();

        var host = builder.Build();
        if (simulator is not null)
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Worker")
                .LogWarning("No LUMA_AGENTS_API_KEY or LumaAgents:ApiKey: using the built-in simulator at {BaseUrl} (nothing is billed).", simulator.BaseUrl);
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped
                .Register(() => simulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        return host;
    }
}
