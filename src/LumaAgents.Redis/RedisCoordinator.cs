using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LumaAgents.Redis;

/// <summary>
/// Shares each account's two limits — creates per minute over the API's 60-second sliding window, and concurrent
/// unfinished jobs — between every process and machine whose clients use the same Redis. Set it as
/// <see cref="LumaClientOptions.Coordinator"/> (or call <c>AddRedisCoordination</c> on the builder that
/// <c>AddLumaAgents</c> returns); one instance can serve many clients and accounts.
/// </summary>
/// <remarks>
/// <para>Each decision is one atomic Lua script on Redis's own clock (<c>TIME</c>), so machines whose clocks disagree
/// still share one window. A create is admitted only while the account's window has room; the limit is learned from
/// the API's <c>X-RateLimit-*</c> headers and published to every process; a 429 seen by one process holds back all of
/// them until its <c>Retry-After</c>. Job slots are leases: taken at the create, renewed while a process waits on
/// the job, released when any process reads it completed or failed, and expired if the process holding them dies.</para>
/// <para>Keys are <c>{prefix}:{{account}}:…</c>, where the account is a one-way hash of the API key (the key itself
/// never reaches this class, let alone Redis), in a Redis Cluster hash tag.</para>
/// <para>When Redis fails or is slower than <see cref="RedisCoordinatorOptions.CommandTimeout"/>, decisions are made
/// in process on this process's share of the limits, with a Warning log and the
/// <see cref="RedisCoordinationTelemetry.FailOpens"/> metric; no call fails or hangs because of Redis. Shared
/// decisions resume when Redis answers again.</para>
/// </remarks>
public sealed class RedisCoordinator : ILumaCoordinator
{
    private readonly Task<IConnectionMultiplexer> _connecting;
    private readonly RedisSettings _settings;
    private readonly ConcurrentDictionary<string, AccountChannel> _channels = new(StringComparer.Ordinal);
    private readonly InFlight _inFlight = new();
    private AccountCoordinator? _direct;

    /// <summary>Creates a coordinator on a Redis connection the caller owns (and disposes).</summary>
    /// <param name="redis">The connection; it may be disconnected now (decisions are then local until it connects).</param>
    /// <param name="options">The key prefix, job limit, lease and timeouts; null for the defaults.</param>
    /// <exception cref="LumaConfigurationException">An option is out of range.</exception>
    public RedisCoordinator(IConnectionMultiplexer redis, RedisCoordinatorOptions? options = null)
        : this(Task.FromResult(redis ?? throw new ArgumentNullException(nameof(redis))), options)
    {
    }

    /// <summary>A coordinator whose connection is still being made (dependency injection from a connection string).</summary>
    internal RedisCoordinator(Task<IConnectionMultiplexer> connecting, RedisCoordinatorOptions? options)
    {
        _connecting = connecting;
        _settings = RedisSettings.From(options);
    }

    /// <summary>The start of every key this coordinator writes.</summary>
    public string KeyPrefix => _settings.KeyPrefix;

    /// <summary>Whether a Redis call of any attached client is on the wire (tests in virtual time wait for none).</summary>
    internal bool IsBusy => _inFlight.IsBusy;

    /// <summary>The keys of an account, as this coordinator names them.</summary>
    internal RedisKeys KeysFor(string account) => ChannelFor(account).Keys;

    /// <summary>Attaches a client: its decisions are made for its account (or <see cref="RedisCoordinatorOptions.Account"/>).</summary>
    /// <param name="client">The client's account hash, settings and in-process fallback.</param>
    /// <returns>The coordinator the client uses.</returns>
    public ILumaCoordinator ForClient(LumaCoordinationContext client)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        return new AccountCoordinator(_connecting, ChannelFor(_settings.Account ?? client.AccountId), _settings, client, _inFlight);
    }

    /// <summary>
    /// Admits a create for <see cref="RedisCoordinatorOptions.Account"/> when called directly rather than through a
    /// client (which attaches with <see cref="ForClient"/>).
    /// </summary>
    /// <param name="maxWait">The longest hold accepted; a longer one throws <see cref="LumaRateLimitException"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The admission, to be completed once.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="RedisCoordinatorOptions.Account"/> was set.</exception>
    public ValueTask<ICreateAdmission> AdmitCreateAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
        => Direct().AdmitCreateAsync(maxWait, cancellationToken);

    /// <summary>Takes a job slot for <see cref="RedisCoordinatorOptions.Account"/> when called directly.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The slot; dispose it when the job is done (or was never created).</returns>
    /// <exception cref="InvalidOperationException">No <see cref="RedisCoordinatorOptions.Account"/> was set.</exception>
    public ValueTask<IJobSlot> AcquireJobSlotAsync(CancellationToken cancellationToken = default)
        => Direct().AcquireJobSlotAsync(cancellationToken);

    /// <summary>Records a generation's state for <see cref="RedisCoordinatorOptions.Account"/> when called directly.</summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="state">The state read, or null.</param>
    /// <param name="cancellationToken">Cancels the bookkeeping.</param>
    /// <returns>A task that completes when the state has been recorded.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="RedisCoordinatorOptions.Account"/> was set.</exception>
    public ValueTask ObserveGenerationAsync(string generationId, GenerationState? state, CancellationToken cancellationToken = default)
        => Direct().ObserveGenerationAsync(generationId, state, cancellationToken);

    private AccountChannel ChannelFor(string account)
        => _channels.GetOrAdd(account, a => new AccountChannel(new RedisKeys(_settings.KeyPrefix, a)));

    private AccountCoordinator Direct()
    {
        if (_direct is { } direct)
        {
            return direct;
        }

        if (_settings.Account is not { } account)
        {
            throw new InvalidOperationException(
                "A RedisCoordinator decides for a client's account: set it as LumaClientOptions.Coordinator (the client attaches "
                + "itself), or set RedisCoordinatorOptions.Account to call it directly.");
        }

        var context = new LumaCoordinationContext(account, _settings.MaxConcurrentJobs, TimeProvider.System, NullLogger.Instance);
        Interlocked.CompareExchange(ref _direct, new AccountCoordinator(_connecting, ChannelFor(account), _settings, context, _inFlight), null);
        return _direct!;
    }
}
