using LumaAgents.Testing;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>Builds the sample web app, so tests can start the very same app on a loopback port.</summary>
public static class ImagesApp
{
    /// <summary>Builds the app; with no API key configured it starts a simulator and points the client at it.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--urls</c>).</param>
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var luma = builder.Configuration.GetSection("LumaAgents");
        var simulator = await SimulatorFallback.StartIfNoKeyAsync(builder.Configuration, luma);

        builder.Services.AddLumaAgents(luma);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default);
            o.SerializerOptions.Encoder = HumanJson.Encoder;
        });

        // Every SDK failure an endpoint does not catch becomes a ProblemDetails answer with the right status.
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<LumaExceptionHandler>();

        var app = builder.Build();
        if (simulator is not null)
        {
            app.Logger.LogWarning("No LUMA_AGENTS_API_KEY or LumaAgents:ApiKey: using the built-in simulator at {BaseUrl} (nothing is billed).", simulator.BaseUrl);
            app.Lifetime.ApplicationStopped.Register(() => simulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        app.UseExceptionHandler();
        ImagesEndpoints.Map(app);
        return app;
    }
}
