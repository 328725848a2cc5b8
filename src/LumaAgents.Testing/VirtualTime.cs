using Microsoft.Extensions.Time.Testing;

namespace LumaAgents.Testing;

/// <summary>
/// Drives code under test in virtual time on any clock: <see cref="FakeTimeProvider"/> (the ecosystem's standard
/// virtual clock), <see cref="ManualTimeProvider"/>, or any <see cref="TimeProvider"/> you can move forward with a
/// callback. Time moves only in steps you choose, only while the code is idle (nothing <c>isBusy</c>, e.g. no HTTP
/// request on the wire: see <see cref="InFlightCounter"/>), and never past a virtual limit, so a driven test can
/// never hang.
/// </summary>
/// <example>
/// <code>
/// var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
/// await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = time });
/// var wire = new InFlightCounter();
/// using var client = new LumaClient(new HttpClient(wire), new LumaClientOptions { ApiKey = server.ApiKey, BaseUrl = server.BaseUrl, TimeProvider = time });
/// var done = await time.RunUntilCompletedAsync(
///     client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox")), TimeSpan.FromSeconds(1), () =&gt; wire.IsBusy);
/// </code>
/// </example>
public static class VirtualTime
{
    /// <summary>The most virtual time a run lets pass when no limit is given: one day.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromDays(1);

    /// <summary>The most real time a run or a wait takes when no bound is given: one minute.</summary>
    public static readonly TimeSpan DefaultRealTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> whenever the code under test is idle, until
    /// <paramref name="task"/> completes, then returns the task's own outcome (its exception, if it failed).
    /// </summary>
    /// <param name="time">The clock the code under test (and the simulator) run on.</param>
    /// <param name="task">The work to drive.</param>
    /// <param name="step">How far each advance moves time; a timer fires at most this late. Positive.</param>
    /// <param name="isBusy">Whether the code under test is doing real I/O right now (time does not move then). Without it, give the client no per-attempt timeout on this clock (<c>Timeout = Timeout.InfiniteTimeSpan</c>), or time could pass it while a request is on the wire.</param>
    /// <param name="limit">The most virtual time to let pass (<see cref="DefaultLimit"/> when null).</param>
    /// <param name="realTimeout">The most real time to drive for (<see cref="DefaultRealTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <returns>A task that completes as <paramref name="task"/> does.</returns>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="limit"/> of virtual time or <paramref name="realTimeout"/> of real time.</exception>
    public static Task RunUntilCompletedAsync(
        this FakeTimeProvider time, Task task, TimeSpan step, Func<bool>? isBusy = null, TimeSpan? limit = null,
        TimeSpan? realTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        return RunUntilCompletedAsync(time.Advance, task, step, isBusy, limit, realTimeout, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="RunUntilCompletedAsync(FakeTimeProvider, Task, TimeSpan, Func{bool}, TimeSpan?, TimeSpan?, CancellationToken)"/>,
    /// for a task with a result.
    /// </summary>
    /// <param name="time">The clock the code under test (and the simulator) run on.</param>
    /// <param name="task">The work to drive.</param>
    /// <param name="step">How far each advance moves time; a timer fires at most this late. Positive.</param>
    /// <param name="isBusy">Whether the code under test is doing real I/O right now (time does not move then).</param>
    /// <param name="limit">The most virtual time to let pass (<see cref="DefaultLimit"/> when null).</param>
    /// <param name="realTimeout">The most real time to drive for (<see cref="DefaultRealTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <returns>The task's result.</returns>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="limit"/> of virtual time or <paramref name="realTimeout"/> of real time.</exception>
    public static Task<T> RunUntilCompletedAsync<T>(
        this FakeTimeProvider time, Task<T> task, TimeSpan step, Func<bool>? isBusy = null, TimeSpan? limit = null,
        TimeSpan? realTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        return RunUntilCompletedAsync(time.Advance, task, step, isBusy, limit, realTimeout, cancellationToken);
    }

    /// <summary>
    /// Calls <paramref name="advance"/> with <paramref name="step"/> whenever the code under test is idle, until
    /// <paramref name="task"/> completes, then returns the task's own outcome: the form for any clock that can be
    /// moved forward (<c>clock.Advance</c>).
    /// </summary>
    /// <param name="advance">Moves the clock forward by the given amount, firing the timers that fall due.</param>
    /// <param name="task">The work to drive.</param>
    /// <param name="step">How far each advance moves time; a timer fires at most this late. Positive.</param>
    /// <param name="isBusy">Whether the code under test is doing real I/O right now (time does not move then).</param>
    /// <param name="limit">The most virtual time to let pass, counted in steps (<see cref="DefaultLimit"/> when null).</param>
    /// <param name="realTimeout">The most real time to drive for (<see cref="DefaultRealTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <returns>A task that completes as <paramref name="task"/> does.</returns>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="limit"/> of virtual time or <paramref name="realTimeout"/> of real time.</exception>
    public static async Task RunUntilCompletedAsync(
        Action<TimeSpan> advance, Task task, TimeSpan step, Func<bool>? isBusy = null, TimeSpan? limit = null,
        TimeSpan? realTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(advance);
        ArgumentNullException.ThrowIfNull(task);
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive.");
        }

        var virtualLimit = limit ?? DefaultLimit;
        if (virtualLimit < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must not be negative.");
        }

        var realDeadline = RealDeadline(realTimeout);
        var passed = TimeSpan.Zero;
        var idleLooks = 0;
        while (!task.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Environment.TickCount64 > realDeadline)
            {
                throw new TimeoutException($"The task did not complete within {realTimeout ?? DefaultRealTimeout} of real time ({passed} of virtual time passed).");
            }

            // A real pause: continuations after a response or a fired timer run and reach their next delay.
            await Task.WhenAny(task, Task.Delay(1, cancellationToken)).ConfigureAwait(false);
            if (task.IsCompleted)
            {
                break;
            }

            // Two idle looks in a row before time moves: the code under test has settled on its next timer.
            idleLooks = isBusy?.Invoke() == true ? 0 : idleLooks + 1;
            if (idleLooks < 2)
            {
                continue;
            }

            if (passed >= virtualLimit)
            {
                throw new TimeoutException($"The task did not complete within {virtualLimit} of virtual time.");
            }

            var by = virtualLimit - passed < step ? virtualLimit - passed : step;
            advance(by);
            passed += by;
            idleLooks = 0;
        }

        // The task's own outcome, exceptions included: a failing call must fail the test that drives it.
        await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="RunUntilCompletedAsync(Action{TimeSpan}, Task, TimeSpan, Func{bool}, TimeSpan?, TimeSpan?, CancellationToken)"/>,
    /// for a task with a result.
    /// </summary>
    /// <param name="advance">Moves the clock forward by the given amount, firing the timers that fall due.</param>
    /// <param name="task">The work to drive.</param>
    /// <param name="step">How far each advance moves time; a timer fires at most this late. Positive.</param>
    /// <param name="isBusy">Whether the code under test is doing real I/O right now (time does not move then).</param>
    /// <param name="limit">The most virtual time to let pass, counted in steps (<see cref="DefaultLimit"/> when null).</param>
    /// <param name="realTimeout">The most real time to drive for (<see cref="DefaultRealTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <returns>The task's result.</returns>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="limit"/> of virtual time or <paramref name="realTimeout"/> of real time.</exception>
    public static async Task<T> RunUntilCompletedAsync<T>(
        Action<TimeSpan> advance, Task<T> task, TimeSpan step, Func<bool>? isBusy = null, TimeSpan? limit = null,
        TimeSpan? realTimeout = null, CancellationToken cancellationToken = default)
    {
        await RunUntilCompletedAsync(advance, (Task)task, step, isBusy, limit, realTimeout, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Waits in real time, briefly and boundedly, until <paramref name="condition"/> holds: the code under test has
    /// reached a point you can observe (a request arrived, a job was made), so moving the clock now is meaningful.
    /// Time does not move while it waits.
    /// </summary>
    /// <param name="condition">What to wait for; checked about every millisecond.</param>
    /// <param name="realTimeout">The most real time to wait (<see cref="DefaultRealTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="realTimeout"/>.</exception>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? realTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var realDeadline = RealDeadline(realTimeout);
        while (!condition())
        {
            if (Environment.TickCount64 > realDeadline)
            {
                throw new TimeoutException($"The condition did not hold within {realTimeout ?? DefaultRealTimeout} of real time.");
            }

            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }

    private static long RealDeadline(TimeSpan? realTimeout)
    {
        var bound = realTimeout ?? DefaultRealTimeout;
        if (bound < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(realTimeout), realTimeout, "The real timeout must not be negative.");
        }

        return Environment.TickCount64 + (long)bound.TotalMilliseconds;
    }
}
