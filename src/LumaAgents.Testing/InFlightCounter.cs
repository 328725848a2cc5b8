namespace LumaAgents.Testing;

/// <summary>
/// The in-flight gate: counts the HTTP requests on the wire, so
/// <see cref="VirtualTime.RunUntilCompletedAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider, Task, TimeSpan, Func{bool}, TimeSpan?, TimeSpan?, CancellationToken)"/>
/// (on any clock) and <see cref="ManualTimeProvider.RunUntilCompleteAsync(Task, Func{bool}, TimeSpan?, int, CancellationToken)"/>
/// move virtual time only while none is: pass <c>() =&gt; counter.IsBusy</c>. Put it under the client:
/// <c>new LumaClient(new HttpClient(new InFlightCounter()), options)</c>.
/// </summary>
public sealed class InFlightCounter : DelegatingHandler
{
    private int _inFlight;

    /// <summary>Counts over a new <see cref="SocketsHttpHandler"/>.</summary>
    public InFlightCounter()
        : this(new SocketsHttpHandler { MaxConnectionsPerServer = 512 })
    {
    }

    /// <summary>Counts over the given handler.</summary>
    /// <param name="inner">The handler that really sends.</param>
    public InFlightCounter(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Requests sent whose response has not arrived yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Whether any request is on the wire.</summary>
    public bool IsBusy => InFlight > 0;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
