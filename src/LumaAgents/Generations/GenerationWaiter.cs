using System.Net;

namespace LumaAgents;

/// <summary>
/// Polls one generation until it is terminal. All waiting goes through the client's <see cref="TimeProvider"/>, so
/// a wait costs a timer between polls, not a thread, and tests run it in virtual time. The deadline holds under any
/// server behaviour: each poll gets what is left of it as its budget (retries and backoffs included), and a server
/// hint longer than what is left ends the wait at once instead of sleeping past it.
/// </summary>
internal sealed class GenerationWaiter
{
    /// <summary>A poll at the deadline may take this long to answer; a wait ends at most this much past its deadline.</summary>
    internal static readonly TimeSpan PollGrace = TimeSpan.FromMilliseconds(500);

    private readonly LumaPipeline _pipeline;
    private readonly Func<string, CallBudget, CancellationToken, Task<Generation>> _read;

    /// <param name="pipeline">The client's clock, options, logger and lifetime.</param>
    /// <param name="read">Reads the generation once, within a budget.</param>
    public GenerationWaiter(LumaPipeline pipeline, Func<string, CallBudget, CancellationToken, Task<Generation>> read)
    {
        _pipeline = pipeline;
        _read = read;
    }

    private LumaClientOptions Options => _pipeline.Options;

    private TimeProvider Time => _pipeline.Time;

    public async Task<Generation> WaitAsync(string generationId, Generation? known, WaitOptions? waitOptions, IProgress<Generation>? progress, CancellationToken cancellationToken)
    {
        _pipeline.Lifetime.ThrowIfDisposed();
        var settings = Resolve(known, waitOptions);
        using var activity = Diagnostics.LumaTelemetry.Source.StartActivity(Diagnostics.LumaTelemetry.WaitActivity);
        activity?.SetTag("luma.generation.id", generationId);
        var started = Time.GetTimestamp();
        var polls = 0;
        string outcome = "cancelled";

        // Dispose ends the wait like the caller's cancellation, as ObjectDisposedException.
        using var stop = _pipeline.Lifetime.Link(cancellationToken);
        try
        {
            var result = await WaitCoreAsync(generationId, known, waitOptions, settings, progress, started, () => polls++, stop.Token).ConfigureAwait(false);
            outcome = result.State.Value;
            return result;
        }
        catch (GenerationFailedException failed)
        {
            outcome = failed.Generation.State.Value;
            throw;
        }
        catch (GenerationTimeoutException)
        {
            outcome = "timeout";
            throw;
        }
        catch (LumaException)
        {
            outcome = "error";
            throw;
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested && _pipeline.Lifetime.IsDisposed)
        {
            throw _pipeline.Lifetime.Disposed(cancelled);
        }
        finally
        {
            if (activity is not null)
            {
                activity.SetTag("luma.generation.state", outcome);
                activity.SetTag("luma.polls", polls);
                if (outcome is not ("completed" or "failed"))
                {
                    activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, outcome);
                }
            }

            if (Diagnostics.LumaTelemetry.WaitDurationInstrument.Enabled)
            {
                Diagnostics.LumaTelemetry.WaitDurationInstrument.Record(
                    Time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("luma.generation.state", outcome));
            }
        }
    }

    private async Task<Generation> WaitCoreAsync(
        string generationId,
        Generation? known,
        WaitOptions? waitOptions,
        (TimeSpan InitialDelay, TimeSpan PollInterval, TimeSpan Timeout) settings,
        IProgress<Generation>? progress,
        long started,
        Action countPoll,
        CancellationToken cancellationToken)
    {
        GenerationState? reported = null;
        Report(known);

        if (known is { IsTerminal: true })
        {
            return Finish(known);
        }

        var deadline = CallBudget.Start(Time, settings.Timeout, BudgetKind.WaitDeadline);
        var next = FirstPollDelay(known, settings.InitialDelay);
        var last = known;
        Diagnostics.Log.WaitStarted(_pipeline.Logger, generationId, next.TotalMilliseconds, settings.PollInterval.TotalMilliseconds, settings.Timeout.TotalMilliseconds);

        while (true)
        {
            if (deadline.Remaining(Time) is { } left && next > left)
            {
                // Poll one last time at the deadline rather than giving up early.
                next = left;
            }

            await Clock.Delay(Time, next, cancellationToken).ConfigureAwait(false);
            next = settings.PollInterval;

            try
            {
                countPoll();

                // What is left of the wait, and a little grace for the answer to a poll made at the deadline.
                var budget = deadline.IsLimited ? CallBudget.Start(Time, deadline.Remaining(Time)!.Value + PollGrace, BudgetKind.WaitDeadline) : default;
                last = await _read(generationId, budget, cancellationToken).ConfigureAwait(false);
            }
            catch (LumaTimeoutException spent) when (spent.Budget == BudgetKind.WaitDeadline)
            {
                throw new GenerationTimeoutException(generationId, last, Time.GetElapsedTime(started), spent);
            }
            catch (LumaException ex) when (IsTransient(ex))
            {
                Diagnostics.Log.PollFailed(_pipeline.Logger, generationId, ex.GetType().Name);

                // The pipeline already retried; the wait goes on, no sooner than the server asked, but not past its end.
                if (ex is LumaApiException { RetryAfter: { } after } && after > next)
                {
                    if (deadline.Remaining(Time) is { } remaining && after >= remaining)
                    {
                        throw new GenerationTimeoutException(generationId, last, Time.GetElapsedTime(started), ex);
                    }

                    next = after <= WaitOptions.MaxPollInterval ? after : WaitOptions.MaxPollInterval;
                }

                if (deadline.Remaining(Time) is { } gone && gone <= TimeSpan.Zero)
                {
                    throw new GenerationTimeoutException(generationId, last, Time.GetElapsedTime(started), ex);
                }

                continue;
            }

            Report(last);
            if (last.IsTerminal)
            {
                return Finish(last);
            }

            if (known is null)
            {
                // Learned the type from the first read: the defaults may differ from the ones guessed.
                known = last;
                var learned = Resolve(last, waitOptions);
                next = FirstPollDelay(last, learned.InitialDelay);
                if (next < learned.PollInterval)
                {
                    next = learned.PollInterval;
                }

                if (learned.Timeout != settings.Timeout)
                {
                    // The deadline counts from the start of the wait, whichever defaults turned out to apply.
                    deadline = CallBudget.Start(Time, learned.Timeout == Timeout.InfiniteTimeSpan ? null : learned.Timeout - Time.GetElapsedTime(started), BudgetKind.WaitDeadline);
                }

                settings = learned;
            }

            if (deadline.Remaining(Time) is { } over && over <= TimeSpan.Zero)
            {
                throw new GenerationTimeoutException(generationId, last, Time.GetElapsedTime(started));
            }
        }

        void Report(Generation? generation)
        {
            if (generation is not null && generation.State != reported)
            {
                reported = generation.State;
                Diagnostics.Log.StateChanged(_pipeline.Logger, generation.Id, generation.State.Value);
                progress?.Report(generation);
            }
        }

        Generation Finish(Generation generation)
        {
            Diagnostics.LumaTelemetry.RecordOutcome(generation);
            if (generation.IsFailed && (waitOptions?.ThrowOnFailure ?? true))
            {
                throw new GenerationFailedException(generation);
            }

            return generation;
        }
    }

    /// <summary>Per-call values over the client's defaults for the generation's kind, with intervals clamped.</summary>
    internal (TimeSpan InitialDelay, TimeSpan PollInterval, TimeSpan Timeout) Resolve(Generation? known, WaitOptions? perCall)
    {
        var defaults = DefaultsFor(known);
        var initial = perCall?.InitialDelay ?? defaults.InitialDelay ?? TimeSpan.Zero;
        var interval = perCall?.PollInterval ?? defaults.PollInterval ?? TimeSpan.FromSeconds(2);
        var timeout = perCall?.Timeout ?? defaults.Timeout ?? TimeSpan.FromMinutes(2);

        if (initial < TimeSpan.Zero)
        {
            initial = TimeSpan.Zero;
        }

        interval = interval < WaitOptions.MinPollInterval ? WaitOptions.MinPollInterval
            : interval > WaitOptions.MaxPollInterval ? WaitOptions.MaxPollInterval
            : interval;
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new LumaValidationException([new LumaValidationError("WaitOptions.Timeout", $"must be positive or Timeout.InfiniteTimeSpan; it is {timeout}")], "The wait options");
        }

        return (initial, interval, timeout);
    }

    private WaitOptions DefaultsFor(Generation? known)
    {
        if (known is null)
        {
            return Options.ImageWait;
        }

        var type = known.Type;
        if (type.IsVideo || known.Model == GenerationModel.Ray32)
        {
            return Options.VideoWait;
        }

        return known.Model == GenerationModel.Uni1Max ? Options.ImageMaxWait : Options.ImageWait;
    }

    /// <summary>
    /// Nothing is ready before <c>created_at + InitialDelay</c>; a generation we know nothing about, or one created
    /// long ago, is polled at once. Clock skew cannot push the first poll past a full initial delay from now.
    /// </summary>
    private TimeSpan FirstPollDelay(Generation? known, TimeSpan initialDelay)
    {
        if (known is null)
        {
            return TimeSpan.Zero;
        }

        if (known.CreatedAt is not { } created)
        {
            return initialDelay;
        }

        var due = created + initialDelay - Time.GetUtcNow();
        return due < TimeSpan.Zero ? TimeSpan.Zero : due > initialDelay ? initialDelay : due;
    }

    /// <summary>Failures that a later poll may not see: the server or network, not our request or key.</summary>
    internal static bool IsTransient(LumaException error) => error switch
    {
        LumaConnectionException or LumaTimeoutException => true,
        LumaServerException or LumaRateLimitException => true,
        LumaApiException api => api.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict,
        _ => false,
    };
}
