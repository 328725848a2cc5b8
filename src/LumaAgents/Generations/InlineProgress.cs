namespace LumaAgents;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler inline: on the thread that reports, before
/// <see cref="Report(T)"/> returns, one report at a time. Pass it as the <c>progress</c> of
/// <see cref="GenerationsClient.WaitForCompletionAsync(Generation, WaitOptions?, IProgress{Generation}?, CancellationToken)"/>
/// or <see cref="GenerationsClient.CreateAndWaitAsync(GenerationRequest, WaitOptions?, IProgress{Generation}?, CancellationToken)"/>
/// to see every state change in order, and before the call returns or throws.
/// </summary>
/// <typeparam name="T">What is reported, usually <see cref="Generation"/>.</typeparam>
/// <remarks>
/// <para>
/// Why not <see cref="Progress{T}"/>: it posts each report to the <see cref="SynchronizationContext"/> it captured
/// when it was made, and console apps, ASP.NET Core and workers have none, so reports run later on the thread pool,
/// possibly concurrently and out of order. A <c>failed</c> line then prints after the <c>catch</c> that handles the
/// failure has already run, and the last state may arrive after the wait returned. <see cref="Progress{T}"/> remains
/// right for a UI thread, where reports must be marshalled to the UI.
/// </para>
/// <para>
/// Keep the handler short: the wait goes on only when it returns. An exception the handler throws reaches the code
/// that reported (for a wait, the caller of the wait), like any exception in your own code. Reports from several
/// threads (one instance shared by several waits) are serialised: the handler never runs twice at once.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var progress = new InlineProgress&lt;Generation&gt;(g => Console.WriteLine($"{g.Id}: {g.State}"));
/// var done = await client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a fox"), progress: progress);
/// </code>
/// </example>
public sealed class InlineProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;
    private readonly object _gate = new();

    /// <summary>Creates the progress around a handler.</summary>
    /// <param name="handler">Called with every report, inline and one at a time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public InlineProgress(Action<T> handler)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    /// <summary>Runs the handler with <paramref name="value"/> before returning.</summary>
    /// <param name="value">The value reported.</param>
    public void Report(T value)
    {
        lock (_gate)
        {
            _handler(value);
        }
    }
}
