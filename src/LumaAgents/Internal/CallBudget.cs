namespace LumaAgents;

/// <summary>What a limit on a whole call is for, which decides what its expiry is called.</summary>
internal enum BudgetKind
{
    /// <summary><see cref="LumaClientOptions.TotalTimeout"/> or <see cref="RequestOptions.TotalTimeout"/>.</summary>
    TotalTimeout,

    /// <summary>What is left of a wait's deadline (<see cref="WaitOptions.Timeout"/>), given to one poll.</summary>
    WaitDeadline,
}

/// <summary>
/// The time a whole call may take, retries, backoffs and rate-limit holds included: each attempt gets at most what is
/// left, and a retry that would sleep past the end is not slept on. A value type: calls without a limit pay nothing.
/// </summary>
internal readonly struct CallBudget
{
    private readonly long _started;

    private CallBudget(long started, TimeSpan limit, BudgetKind kind)
    {
        _started = started;
        Limit = limit;
        Kind = kind;
        IsLimited = true;
    }

    public bool IsLimited { get; }

    public TimeSpan Limit { get; }

    public BudgetKind Kind { get; }

    public static CallBudget Start(TimeProvider time, TimeSpan? limit, BudgetKind kind)
        => limit is { } value && value != Timeout.InfiniteTimeSpan ? new CallBudget(time.GetTimestamp(), value, kind) : default;

    /// <summary>What is left (never negative), or null without a limit.</summary>
    public TimeSpan? Remaining(TimeProvider time)
    {
        if (!IsLimited)
        {
            return null;
        }

        var left = Limit - time.GetElapsedTime(_started);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    /// <summary>Whichever of the two ends first.</summary>
    public CallBudget Tighter(CallBudget other, TimeProvider time)
    {
        if (!IsLimited)
        {
            return other;
        }

        if (!other.IsLimited)
        {
            return this;
        }

        return other.Remaining(time) < Remaining(time) ? other : this;
    }
}
