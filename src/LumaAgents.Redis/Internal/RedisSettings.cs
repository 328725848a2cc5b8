using System.Text.RegularExpressions;

namespace LumaAgents.Redis;

/// <summary>The options, checked once and copied: a coordinator's behaviour cannot change behind its back.</summary>
internal sealed class RedisSettings
{
    private static readonly Regex PrefixPattern = new("^[A-Za-z0-9._:-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly Regex AccountPattern = new("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant);

    private RedisSettings(RedisCoordinatorOptions options)
    {
        KeyPrefix = options.KeyPrefix;
        Account = options.Account;
        MaxConcurrentJobs = options.MaxConcurrentJobs;
        JobLeaseTimeout = options.JobLeaseTimeout;
        CommandTimeout = options.CommandTimeout;
        RetryInterval = options.RetryInterval;
        ScriptClock = options.ScriptClock;
    }

    public string KeyPrefix { get; }

    public string? Account { get; }

    public int? MaxConcurrentJobs { get; }

    public TimeSpan JobLeaseTimeout { get; }

    public TimeSpan CommandTimeout { get; }

    public TimeSpan RetryInterval { get; }

    public Func<TimeProvider, string>? ScriptClock { get; }

    public static RedisSettings From(RedisCoordinatorOptions? options)
    {
        options ??= new RedisCoordinatorOptions();
        if (options.KeyPrefix is null || !PrefixPattern.IsMatch(options.KeyPrefix))
        {
            throw new LumaConfigurationException(
                $"RedisCoordinatorOptions.KeyPrefix must be 1 to 64 letters, digits or . _ - : (no braces: they would break the account's hash tag); it is '{options.KeyPrefix}'.");
        }

        if (options.Account is { } account && !AccountPattern.IsMatch(account))
        {
            throw new LumaConfigurationException(
                $"RedisCoordinatorOptions.Account must be 1 to 64 letters, digits or . _ -, or null for the hash of the API key; it is '{account}'.");
        }

        if (options.MaxConcurrentJobs is <= 0)
        {
            throw new LumaConfigurationException($"RedisCoordinatorOptions.MaxConcurrentJobs must be positive, or null; it is {options.MaxConcurrentJobs}.");
        }

        if (options.JobLeaseTimeout < TimeSpan.FromSeconds(1) || options.JobLeaseTimeout > TimeSpan.FromHours(1))
        {
            throw new LumaConfigurationException($"RedisCoordinatorOptions.JobLeaseTimeout must be between 1 second and the API's job life of 1 hour; it is {options.JobLeaseTimeout}.");
        }

        if (options.CommandTimeout <= TimeSpan.Zero || options.CommandTimeout > TimeSpan.FromSeconds(30))
        {
            throw new LumaConfigurationException($"RedisCoordinatorOptions.CommandTimeout must be positive and at most 30 s (a create never waits longer on Redis); it is {options.CommandTimeout}.");
        }

        if (options.RetryInterval <= TimeSpan.Zero || options.RetryInterval > TimeSpan.FromMinutes(10))
        {
            throw new LumaConfigurationException($"RedisCoordinatorOptions.RetryInterval must be positive and at most 10 minutes; it is {options.RetryInterval}.");
        }

        return new RedisSettings(options);
    }
}
