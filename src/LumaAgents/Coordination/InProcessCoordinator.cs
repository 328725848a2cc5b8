namespace LumaAgents;

/// <summary>
/// The default coordinator: the requests-per-minute window of one client (<see cref="RateLimitGate"/>) and its
/// <see cref="LumaClientOptions.MaxConcurrentJobs"/> slots. Exact inside one process; other processes on the account
/// are seen only through the server's headers.
/// </summary>
internal sealed class InProcessCoordinator : ILumaCoordinator
{
    private static readonly NoSlot Unlimited = new();

    private readonly RateLimitGate _gate;
    private readonly SemaphoreSlim? _jobSlots;

    public InProcessCoordinator(TimeProvider time, int? maxConcurrentJobs, Microsoft.Extensions.Logging.ILogger logger, int? requestsPerMinuteCap = null)
    {
        _gate = new RateLimitGate(time, logger, requestsPerMinuteCap);
        _jobSlots = maxConcurrentJobs is { } slots ? new SemaphoreSlim(slots, slots) : null;
    }

    internal RateLimitGate Gate => _gate;

    /// <summary>Already this client's own: nothing to attach.</summary>
    public ILumaCoordinator ForClient(LumaCoordinationContext client) => this;

    public ValueTask<ICreateAdmission> AdmitCreateAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
        => _gate.AdmitAsync(maxWait, cancellationToken);

    public async ValueTask<IJobSlot> AcquireJobSlotAsync(CancellationToken cancellationToken = default)
    {
        if (_jobSlots is null)
        {
            return Unlimited;
        }

        await _jobSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_jobSlots);
    }

    // In one process the slot is released by the CreateAndWaitAsync that holds it, when its wait ends.
    public ValueTask ObserveGenerationAsync(string generationId, GenerationState? state, CancellationToken cancellationToken = default) => default;

    private sealed class NoSlot : IJobSlot
    {
        public ValueTask BindAsync(string generationId, CancellationToken cancellationToken = default) => default;

        public ValueTask DisposeAsync() => default;
    }

    private sealed class Slot : IJobSlot
    {
        private SemaphoreSlim? _slots;

        public Slot(SemaphoreSlim slots) => _slots = slots;

        public ValueTask BindAsync(string generationId, CancellationToken cancellationToken = default) => default;

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref _slots, null)?.Release();
            return default;
        }
    }
}
