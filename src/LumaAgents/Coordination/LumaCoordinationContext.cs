using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LumaAgents;

/// <summary>
/// What a client tells the coordinator in its <see cref="LumaClientOptions.Coordinator"/> when it is built
/// (<see cref="ILumaCoordinator.ForClient"/>): which account it sends on, its own settings, and a way to decide
/// alone, in process, when the shared store cannot be reached.
/// </summary>
public sealed class LumaCoordinationContext
{
    /// <summary>
    /// Builds a context. Clients build their own; this constructor is public so that coordinators can be tested
    /// without one.
    /// </summary>
    /// <param name="accountId">The account's id for shared keys (see <see cref="AccountId"/>); not the API key.</param>
    /// <param name="maxConcurrentJobs">The client's <see cref="LumaClientOptions.MaxConcurrentJobs"/>.</param>
    /// <param name="timeProvider">The client's clock.</param>
    /// <param name="logger">The client's logger.</param>
    public LumaCoordinationContext(string accountId, int? maxConcurrentJobs, TimeProvider timeProvider, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(accountId))
        {
            throw new ArgumentException("An account id is required.", nameof(accountId));
        }

        AccountId = accountId;
        MaxConcurrentJobs = maxConcurrentJobs;
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    internal LumaCoordinationContext(LumaClientSettings settings, ILogger logger)
        : this(AccountIdOf(settings.ApiKey, settings.BaseUrl), settings.Options.MaxConcurrentJobs, settings.TimeProvider, logger)
    {
    }

    /// <summary>
    /// Names the account without revealing its key: 32 lowercase hex characters of the SHA-256 of the API key and the
    /// base URL. Clients with the same key against the same API get the same id; the key cannot be recovered from it.
    /// </summary>
    public string AccountId { get; }

    /// <summary>The client's <see cref="LumaClientOptions.MaxConcurrentJobs"/> (null: none set).</summary>
    public int? MaxConcurrentJobs { get; }

    /// <summary>The client's clock, for every wait a coordinator makes on its behalf.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The client's logger (the SDK's category, redacted as always).</summary>
    public ILogger Logger { get; }

    /// <summary>
    /// A new in-process coordinator for this client, as it would have without a shared one: the sliding-window mirror
    /// of <see cref="LumaClientOptions.ProactiveThrottling"/> and, with a limit, job slots. Shared coordinators fall back
    /// to it when their store is unreachable.
    /// </summary>
    /// <param name="requestsPerMinuteCap">
    /// At most this many creates per window even when the server reports a higher limit (this client's share of an
    /// account used by several), or null for the reported limit.
    /// </param>
    /// <param name="maxConcurrentJobs">At most this many jobs of <c>CreateAndWaitAsync</c> at once, or null for no limit.</param>
    /// <returns>The coordinator; it keeps nothing outside this process.</returns>
    public ILumaCoordinator CreateLocalCoordinator(int? requestsPerMinuteCap, int? maxConcurrentJobs)
    {
        if (requestsPerMinuteCap is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerMinuteCap), "The cap must be positive, or null for none.");
        }

        if (maxConcurrentJobs is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrentJobs), "The limit must be positive, or null for none.");
        }

        return new InProcessCoordinator(TimeProvider, maxConcurrentJobs, Logger, requestsPerMinuteCap);
    }

    /// <summary>One-way: a hash of key and API, domain-separated so it matches no other use of the key's hash.</summary>
    internal static string AccountIdOf(string apiKey, Uri baseUrl)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes("LumaAgents account v1\n" + baseUrl.AbsoluteUri + "\n" + apiKey));
        var id = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            id.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return id.ToString();
    }
}
