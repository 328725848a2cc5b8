namespace LumaAgents.Redis;

/// <summary>
/// How a <see cref="RedisCoordinator"/> keeps an account's limits in Redis. The coordinator copies the values when it
/// is constructed; changing the object afterwards has no effect.
/// </summary>
public sealed class RedisCoordinatorOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>: <c>luma</c>.</summary>
    public const string DefaultKeyPrefix = "luma";

    /// <summary>
    /// The start of every key and channel name, before the account's hash tag: keys look like
    /// <c>luma:{&lt;account&gt;}:rpm:window</c>. Letters, digits and <c>. _ - :</c> only, at most 64 characters.
    /// Give separate environments (staging, production) on one Redis separate prefixes.
    /// </summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// Names the account in the keys instead of the client's <see cref="LumaCoordinationContext.AccountId"/> (a
    /// one-way hash of its API key). Set the same name on clients whose different keys belong to one Luma API client:
    /// the API counts them against one limit. Letters, digits and <c>. _ -</c> only, at most 64 characters. Default: null.
    /// </summary>
    public string? Account { get; set; }

    /// <summary>
    /// The account's limit on unfinished jobs, shared by every process. Null (the default) takes the client's
    /// <see cref="LumaClientOptions.MaxConcurrentJobs"/>; with neither, the limit is learned from the API's
    /// concurrent-jobs 429 (the number of jobs the fleet held when it came).
    /// </summary>
    public int? MaxConcurrentJobs { get; set; }

    /// <summary>
    /// How long a job's slot stays taken after the last sign of life from a process that waits on it (default
    /// 2 minutes). Waiting renews it; a process that dies leaves its slots to expire after this long. Never longer than
    /// the API's job life of one hour after the create. Keep it above the wait's initial delay (20–30 s by default).
    /// </summary>
    public TimeSpan JobLeaseTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest any Redis call may take before the decision is made in process instead (default 500 ms). No call to
    /// the API waits longer than this on Redis.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long decisions stay in process after Redis failed, before Redis is tried again (default 5 s).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The clock argument of every script (see <see cref="Scripts"/>); null for Redis's <c>TIME</c>. Tests pass a
    /// virtual now; the fleet harness passes a constant speed-up of <c>TIME</c>.
    /// </summary>
    internal Func<TimeProvider, string>? ScriptClock { get; set; }
}
