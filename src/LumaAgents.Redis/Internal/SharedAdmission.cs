using StackExchange.Redis;

namespace LumaAgents.Redis;

/// <summary>A create's place in the shared window: a pending entry in Redis until the answer is recorded.</summary>
internal sealed class SharedAdmission : ICreateAdmission
{
    private readonly AccountCoordinator _owner;
    private readonly string _token;
    private int _completed;

    public SharedAdmission(AccountCoordinator owner, string token, TimeSpan waited)
    {
        _owner = owner;
        _token = token;
        Waited = waited;
    }

    public TimeSpan Waited { get; }

    public async ValueTask CompleteAsync(CreateOutcome outcome, CancellationToken cancellationToken = default)
    {
        if (outcome is null || Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        var keys = _owner.Keys;
        var info = outcome.RateLimit;
        var resetIn = info?.ResetsAt is { } reset ? reset - _owner.Time.GetUtcNow() : (TimeSpan?)null;
        var kind = outcome.Kind switch
        {
            RateLimitKind.RequestsPerMinute => "rpm",
            RateLimitKind.ConcurrentJobs => "jobs",
            _ => "unknown",
        };

        // A failure is handled (logged, fail-open) inside; the pending entry then ages out of the window by itself.
        var result = await _owner.EvaluateAsync(Scripts.Complete, [keys.Window, keys.Pending, keys.Meta, keys.Jobs, keys.Born, keys.Members], [
            _owner.Clock(),
            _token,
            Optional(outcome.StatusCode),
            Optional(info?.Limit),
            Optional(info?.Remaining),
            resetIn is { } ms ? (long)ms.TotalMilliseconds : RedisValue.EmptyString,
            outcome.RetryAfter is { } after ? (long)after.TotalMilliseconds : RedisValue.EmptyString,
            kind,
            outcome.GenerationId ?? string.Empty,
            AccountCoordinator.Ms(_owner.Settings.JobLeaseTimeout),
            AccountCoordinator.Ms(AccountCoordinator.JobLife),
            AccountCoordinator.Ms(AccountCoordinator.Window),
            AccountCoordinator.Ms(AccountCoordinator.Margin),
            AccountCoordinator.Ms(AccountCoordinator.LearnedJobLimitLife),
            keys.ChannelName,
        ]).ConfigureAwait(false);
        _owner.Learn(info?.Limit, result is null ? null : (int)((RedisResult[])result!)[1]);

        if (outcome.StatusCode is >= 200 and < 300 && outcome.GenerationId is { Length: > 0 } id)
        {
            // The create just took the lease: the first polls need not renew it.
            _owner.Track(id, _owner.Time.GetTimestamp());
        }
    }

    private static RedisValue Optional(int? value) => value is { } known ? known : RedisValue.EmptyString;
}
