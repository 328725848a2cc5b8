using LumaAgents;
using LumaAgents.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares a registered <see cref="LumaClient"/>'s account limits on Redis (<see cref="RedisCoordinator"/>).</summary>
public static class LumaAgentsRedisBuilderExtensions
{
    /// <summary>
    /// Makes the client that <c>AddLumaAgents</c> (or <c>AddKeyedLumaAgents</c>) registered share its limits on the
    /// Redis at <paramref name="connectionString"/>. The connection is made in the background and owned by the
    /// container; until it is up, and whenever Redis fails, the client decides in process (fail open).
    /// </summary>
    /// <param name="builder">The builder <c>AddLumaAgents</c> returned.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>redis1:6379,password=…</c>.</param>
    /// <param name="configure">Sets the key prefix, job limit, lease and timeouts; null for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="LumaConfigurationException">The connection string cannot be read (when the client is first resolved).</exception>
    public static IHttpClientBuilder AddRedisCoordination(this IHttpClientBuilder builder, string connectionString, Action<RedisCoordinatorOptions>? configure = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("A Redis connection string is required (for example \"localhost:6379\").", nameof(connectionString));
        }

        return Register(builder, configure, _ => new OwnedConnection(Connect(connectionString)));
    }

    /// <summary>
    /// Makes the client that <c>AddLumaAgents</c> registered share its limits on the <see cref="IConnectionMultiplexer"/>
    /// registered in the container (which owns it).
    /// </summary>
    /// <param name="builder">The builder <c>AddLumaAgents</c> returned.</param>
    /// <param name="configure">Sets the key prefix, job limit, lease and timeouts; null for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="LumaConfigurationException">No <see cref="IConnectionMultiplexer"/> is registered (when the client is first resolved).</exception>
    public static IHttpClientBuilder AddRedisCoordination(this IHttpClientBuilder builder, Action<RedisCoordinatorOptions>? configure = null)
        => Register(builder, configure, provider => new OwnedConnection(Task.FromResult(
            provider.GetService<IConnectionMultiplexer>()
            ?? throw new LumaConfigurationException(
                "AddRedisCoordination() without a connection string uses the IConnectionMultiplexer registered in the container, and there is none: "
                + "register one (services.AddSingleton<IConnectionMultiplexer>(…)) or pass a connection string.")), owns: false));

    private static IHttpClientBuilder Register(IHttpClientBuilder builder, Action<RedisCoordinatorOptions>? configure, Func<IServiceProvider, OwnedConnection> connection)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        var key = "LumaAgents.Redis:" + builder.Name;
        builder.Services.AddKeyedSingleton(key, (provider, _) => connection(provider));
        builder.Services.AddKeyedSingleton(key, (provider, _) =>
        {
            var options = new RedisCoordinatorOptions();
            configure?.Invoke(options);
            return new RedisCoordinator(provider.GetRequiredKeyedService<OwnedConnection>(key).Connecting, options);
        });
        builder.Services.AddOptions<LumaClientOptions>(builder.Name)
            .Configure<IServiceProvider>((options, provider) => options.Coordinator = provider.GetRequiredKeyedService<RedisCoordinator>(key));
        return builder;
    }

    private static Task<IConnectionMultiplexer> Connect(string connectionString)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException)
        {
            // Not the exception's message: it can quote the string, and the string can hold a password.
            throw new LumaConfigurationException(
                "The Redis connection string given to AddRedisCoordination cannot be read (" + ex.GetType().Name + "). Use the StackExchange.Redis form, e.g. \"host:6379,password=…\".");
        }

        // Never fail the app at start because Redis is down: connect in the background, decide locally meanwhile.
        configuration.AbortOnConnectFail = false;
        return ConnectAsync(configuration);

        static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
            => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }
}
