namespace LumaAgents;

/// <summary>
/// Polls one file until it is ready, failed or deleted, on the client's <see cref="TimeProvider"/> (a timer between
/// polls, not a thread; virtual time in tests). The deadline holds as in <see cref="GenerationWaiter"/>: each poll gets
/// what is left of it as its budget, transient failures do not end the wait, and the client's Dispose does.
/// </summary>
internal sealed class FileWaiter
{
    private readonly LumaPipeline _pipeline;
    private readonly Func<string, CallBudget, CancellationToken, Task<LumaFile>> _read;

    /// <param name="pipeline">The client's clock, logger and lifetime.</param>
    /// <param name="read">Reads the file once, within a budget.</param>
    public FileWaiter(LumaPipeline pipeline, Func<string, CallBudget, CancellationToken, Task<LumaFile>> read)
    {
        _pipeline = pipeline;
        _read = read;
    }

    private TimeProvider Time => _pipeline.Time;

    /// <summary>Waits for the file; <paramref name="known"/> (just read) delays the first poll by one interval.</summary>
    public async Task<LumaFile> WaitAsync(string fileId, LumaFile? known, FileWaitOptions? options, CancellationToken cancellationToken)
    {
        _pipeline.Lifetime.ThrowIfDisposed();
        var (interval, timeout) = Resolve(options);
        if (known is not null && IsSettled(known))
        {
            return Finish(known);
        }

        using var activity = Diagnostics.LumaTelemetry.Source.StartActivity(FileLog.WaitActivity);
        activity?.SetTag("luma.file.id", fileId);
        var started = Time.GetTimestamp();
        var deadline = CallBudget.Start(Time, timeout, BudgetKind.WaitDeadline);
        var next = known is null ? TimeSpan.Zero : interval;
        var last = known;
        var reported = known?.State;
        var polls = 0;
        FileLog.WaitStarted(_pipeline.Logger, fileId, interval.TotalMilliseconds, timeout.TotalMilliseconds);

        using var stop = _pipeline.Lifetime.Link(cancellationToken);
        try
        {
            while (true)
            {
                if (deadline.Remaining(Time) is { } left && next > left)
                {
                    // Poll one last time at the deadline rather than giving up early.
                    next = left;
                }

                await Clock.Delay(Time, next, stop.Token).ConfigureAwait(false);
                next = interval;
                try
                {
                    polls++;

                    // What is left of the wait, and a little grace for the answer to a poll made at the deadline.
                    var budget = deadline.IsLimited ? CallBudget.Start(Time, deadline.Remaining(Time)!.Value + GenerationWaiter.PollGrace, BudgetKind.WaitDeadline) : default;
                    last = await _read(fileId, budget, stop.Token).ConfigureAwait(false);
                }
                catch (LumaTimeoutException spent) when (spent.Budget == BudgetKind.WaitDeadline)
                {
                    throw TimedOut(fileId, last, started, timeout, spent);
                }
                catch (LumaException ex) when (GenerationWaiter.IsTransient(ex))
                {
                    FileLog.PollFailed(_pipeline.Logger, fileId, ex.GetType().Name);
                    if (deadline.Remaining(Time) is { } gone && gone <= TimeSpan.Zero)
                    {
                        throw TimedOut(fileId, last, started, timeout, ex);
                    }

                    continue;
                }

                if (last.State != reported)
                {
                    reported = last.State;
                    FileLog.StateChanged(_pipeline.Logger, fileId, last.State.Value);
                }

                if (IsSettled(last))
                {
                    activity?.SetTag("luma.file.state", last.State.Value);
                    activity?.SetTag("luma.polls", polls);
                    return Finish(last);
                }

                if (deadline.Remaining(Time) is { } over && over <= TimeSpan.Zero)
                {
                    throw TimedOut(fileId, last, started, timeout, null);
                }
            }
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested && _pipeline.Lifetime.IsDisposed)
        {
            throw _pipeline.Lifetime.Disposed(cancelled);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            activity.SetTag("luma.polls", polls);
            throw;
        }
    }

    /// <summary>The poll interval (clamped) and the deadline of a wait.</summary>
    internal static (TimeSpan Interval, TimeSpan Timeout) Resolve(FileWaitOptions? options)
    {
        var interval = options?.PollInterval ?? FileWaitOptions.DefaultPollInterval;
        var timeout = options?.Timeout ?? FileWaitOptions.DefaultTimeout;
        interval = interval < WaitOptions.MinPollInterval ? WaitOptions.MinPollInterval
            : interval > WaitOptions.MaxPollInterval ? WaitOptions.MaxPollInterval
            : interval;
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new LumaValidationException([new LumaValidationError("FileWaitOptions.Timeout", $"must be positive or Timeout.InfiniteTimeSpan; it is {timeout}")], "The wait options");
        }

        return (interval, timeout);
    }

    /// <summary>Ready, or never going to be.</summary>
    private static bool IsSettled(LumaFile file) => file.State == FileState.Ready || file.State == FileState.Failed || file.State == FileState.Deleted;

    private static LumaFile Finish(LumaFile file) => file.State == FileState.Ready ? file : throw new FileFailedException(file);

    private LumaTimeoutException TimedOut(string fileId, LumaFile? last, long started, TimeSpan timeout, Exception? inner)
    {
        var waited = Time.GetElapsedTime(started).TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var state = last?.State.Value is { Length: > 0 } value ? value : "unknown";
        return new LumaTimeoutException(
            $"File {fileId} was still {state} after waiting {waited} s. Ingest goes on on the server: wait again with WaitUntilReadyAsync(id), or raise FileWaitOptions.Timeout.",
            timeout,
            inner)
        {
            Budget = BudgetKind.WaitDeadline,
        };
    }
}
