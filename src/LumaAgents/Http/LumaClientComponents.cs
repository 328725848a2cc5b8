using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace LumaAgents;

/// <summary>
/// What lives once per client, however often its handlers are rebuilt (IHttpClientFactory recycles handler chains
/// every few minutes): the resolved settings, the retry pipeline, the rate-limit gate and the logger.
/// </summary>
internal sealed class LumaClientComponents
{
    public LumaClientComponents(LumaClientSettings settings)
    {
        Settings = settings;
        Logger = (settings.Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LumaAgents");
        Gate = settings.Options.ProactiveThrottling ? new RateLimitGate(settings.TimeProvider) : null;
        RetryPipeline = RetryHandler.BuildPipeline(this);
    }

    public LumaClientSettings Settings { get; }

    public LumaClientOptions Options => Settings.Options;

    public TimeProvider Time => Settings.TimeProvider;

    public ILogger Logger { get; }

    /// <summary>The proactive limiter of creates, or null when <see cref="LumaClientOptions.ProactiveThrottling"/> is off.</summary>
    public RateLimitGate? Gate { get; }

    public ResiliencePipeline<HttpResponseMessage> RetryPipeline { get; }
}
