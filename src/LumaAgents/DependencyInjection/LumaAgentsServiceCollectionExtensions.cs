using LumaAgents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LumaClient"/> with dependency injection and IHttpClientFactory.</summary>
public static class LumaAgentsServiceCollectionExtensions
{
    /// <summary>The configuration section read by convention: <c>LumaAgents</c>.</summary>
    public const string DefaultSectionName = "LumaAgents";

    /// <summary>
    /// Registers a singleton <see cref="LumaClient"/> configured from <paramref name="configuration"/> (usually
    /// <c>configuration.GetSection("LumaAgents")</c>); the key falls back to <c>LUMA_AGENTS_API_KEY</c>. The options
    /// are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>Retry:MaxRetries</c>…</param>
    /// <returns>The HTTP client builder: handlers added to it run inside the SDK's retry loop and see every attempt.</returns>
    public static IHttpClientBuilder AddLumaAgents(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return Register(services, serviceKey: null, o => o.Configure(options => LumaClientOptionsBinder.Bind(configuration, options)), SectionPath(configuration));
    }

    /// <summary>Registers a singleton <see cref="LumaClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; the key falls back to <c>LUMA_AGENTS_API_KEY</c>.</param>
    /// <returns>The HTTP client builder: handlers added to it run inside the SDK's retry loop and see every attempt.</returns>
    public static IHttpClientBuilder AddLumaAgents(this IServiceCollection services, Action<LumaClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        return Register(services, serviceKey: null, o => o.Configure(configure), DefaultSectionName);
    }

    /// <summary>
    /// Registers a keyed <see cref="LumaClient"/> (resolve with <c>[FromKeyedServices(key)]</c>), for several accounts
    /// in one app. Each keyed client has its own options, connection handlers, retry pipeline and rate-limit window.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The key.</param>
    /// <param name="configuration">The section holding this client's settings.</param>
    /// <returns>The HTTP client builder of this client.</returns>
    public static IHttpClientBuilder AddKeyedLumaAgents(this IServiceCollection services, string serviceKey, IConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return Register(services, RequireKey(serviceKey), o => o.Configure(options => LumaClientOptionsBinder.Bind(configuration, options)), SectionPath(configuration));
    }

    /// <summary>Registers a keyed <see cref="LumaClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The key.</param>
    /// <param name="configure">Sets this client's options.</param>
    /// <returns>The HTTP client builder of this client.</returns>
    public static IHttpClientBuilder AddKeyedLumaAgents(this IServiceCollection services, string serviceKey, Action<LumaClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        return Register(services, RequireKey(serviceKey), o => o.Configure(configure), DefaultSectionName + ":" + serviceKey);
    }

    /// <summary>The IHttpClientFactory name of a client: <c>LumaAgents</c>, or <c>LumaAgents:{key}</c> for a keyed one.</summary>
    /// <param name="serviceKey">The key, or null for the default client.</param>
    public static string HttpClientName(string? serviceKey = null) => serviceKey is null ? DefaultSectionName : DefaultSectionName + ":" + serviceKey;

    private static IHttpClientBuilder Register(IServiceCollection services, string? serviceKey, Action<OptionsBuilder<LumaClientOptions>> configure, string settingsPath)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var name = HttpClientName(serviceKey);
        var options = services.AddOptions<LumaClientOptions>(name);
        configure(options);
        options.PostConfigure<IServiceProvider>((o, provider) =>
        {
            if (o.LoggerFactory is null && provider.GetService<ILoggerFactory>() is { } loggers)
            {
                o.LoggerFactory = loggers;
            }

            if (ReferenceEquals(o.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
            {
                o.TimeProvider = time;
            }
        });
        services.AddSingleton<IValidateOptions<LumaClientOptions>>(new LumaClientOptionsValidator(name, settingsPath));
        options.ValidateOnStart();

        // The SDK adds no handlers of its own: its attempt loop sits above the chain, so every handler added to the
        // returned builder runs once per attempt, retries included.
        var http = services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(SharedTransport.CreateApiHandler);

        LumaClient Create(IServiceProvider provider)
        {
            var resolved = provider.GetRequiredService<IOptionsMonitor<LumaClientOptions>>().Get(name);
            var settings = LumaClientSettings.Resolve(resolved, Environment.GetEnvironmentVariable);
            resolved.Freeze();
            var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
            return new LumaClient(settings, new FactoryHandler(handlers, name), downloadTransport: null);
        }

        if (serviceKey is null)
        {
            services.AddSingleton(Create);
        }
        else
        {
            services.AddKeyedSingleton(serviceKey, (provider, _) => Create(provider));
        }

        return http;
    }

    private static string SectionPath(IConfiguration configuration)
        => configuration is IConfigurationSection section && section.Path.Length > 0 ? section.Path : DefaultSectionName;

    private static string RequireKey(string serviceKey)
        => string.IsNullOrWhiteSpace(serviceKey) ? throw new ArgumentException("A non-empty service key is required.", nameof(serviceKey)) : serviceKey;
}
