using System.Net;

namespace LumaAgents;

/// <summary>
/// Polls one generation until it is terminal. All waiting goes through the client's <see cref="TimeProvider"/>, so
/// a wait costs a timer between polls, not a thread, and tests run it in virtual time.
/// </summary>
internal sealed class GenerationWaiter
{
    private readonly GenerationsClient _generations;
    private readonly LumaClientComponents _components;

    public GenerationWaiter(GenerationsClient generations, LumaClientComponents components)
    {
        _generations = generations;
        _components = components;
    }

    private LumaClientOptions Options => _components.Options;

    private TimeProvider Time => _components.Time;

    public async Task<Generation> WaitAsync(string generationId, Generation? known, WaitOptions? waitOptions, IProgress<Generation>? progress, CancellationToken cancellationToken)
    {
        using var activity = Diagnostics.LumaTelemetry.Source.StartActivity(Diagnostics.LumaTelemetry.WaitActivity);
        activity?.SetTag("luma.generation.id", generationId);
        var started = Time.GetTimestamp();
        var polls = 0;
        string outcome = "cancelled";
        try
        {
            var result = await WaitCoreAsync(generationId, known, waitOptions, progress, started, () => polls++, cancellationToken).ConfigureAwait(false);
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
        string generationId, Generation? known, WaitOptions? waitOptions, IProgress<Generation>? progress, long started, Action countPoll, CancellationToken cancellationToken)
    {
        GenerationState? reported = null;
        Report(known);

        if (known is { IsTerminal: true })
        {
            return Finish(known);
        }

        var settings = Resolve(known, waitOptions);
        var deadline = settings.Timeout == Timeout.InfiniteTimeSpan ? (TimeSpan?)null : settings.Timeout;
        var next = FirstPollDelay(known, settings.InitialDelay);
        var last = known;
        Diagnostics.Log.WaitStarted(_components.Logger, generationId, next.TotalMilliseconds, settings.PollInterval.TotalMilliseconds, settings.Timeout.TotalMilliseconds);

        while (true)
        {
            var elapsed = Time.GetElapsedTime(started);
            if (deadline is { } limit && elapsed + next > limit)
            {
                // Poll one last time at the deadline rather than giving up early.
                next = limit - elapsed;
                if (next < TimeSpan.Zero)
                {
                    throw new GenerationTimeoutException(generationId, last, elapsed);
                }
            }

            await Clock.Delay(Time, next, cancellationToken).ConfigureAwait(false);
            next = settings.PollInterval;

            try
            {
                countPoll();
                last = await _generations.GetAsync(generationId, cancellationToken).ConfigureAwait(false);
            }
            catch (LumaException ex) when (IsTransient(ex))
            {
                Diagnostics.Log.PollFailed(_components.Logger, generationId, ex.GetType().Name);
                // The pipeline already retried; the wait goes on, no sooner than the server asked.
                if (ex is LumaApiException { RetryAfter: { } after } && after > next && after <= WaitOptions.MaxPollInterval)
                {
                    next = after;
                }

                if (deadline is { } limit2 && Time.GetElapsedTime(started) >= limit2)
                {
                    throw new GenerationTimeoutException(generationId, last, Time.GetElapsedTime(started));
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
                settings = Resolve(last, waitOptions);
                deadline = settings.Timeout == Timeout.InfiniteTimeSpan ? null : settings.Timeout;
                next = FirstPollDelay(last, settings.InitialDelay);
                if (next < settings.PollInterval)
                {
                    next = settings.PollInterval;
                }
            }

            if (deadline is { } limit3 && Time.GetElapsedTime(started) >= limit3)
            {
                throw new GenerationTimeoutException(generationId, last, Time.GetElapsedTime(started));
            }
        }

        void Report(Generation? generation)
        {
            if (generation is not null && generation.State != reported)
            {
                reported = generation.State;
                Diagnostics.Log.StateChanged(_components.Logger, generation.Id, generation.State.Value);
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
    private static bool IsTransient(LumaException error) => error switch
    {
        LumaConnectionException or LumaTimeoutException => true,
        LumaServerException or LumaRateLimitException => true,
        LumaApiException api => api.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict,
        _ => false,
    };
}
