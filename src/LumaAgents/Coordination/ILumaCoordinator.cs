namespace LumaAgents;

/// <summary>
/// Shares an account's two limits — creates per minute over a sliding window, and concurrent unfinished jobs — between
/// everything that sends on the account. The default (when <see cref="LumaClientOptions.Coordinator"/> is null) keeps
/// them inside one client; the <c>LumaAgents.Redis</c> package shares them across processes and machines.
/// </summary>
/// <remarks>
/// Implementations must never fail a call because coordination failed: when their store is unreachable they fall back
/// to deciding locally (fail open), as the API's own limiter does. Every wait they make observes the cancellation token.
/// </remarks>
public interface ILumaCoordinator
{
    /// <summary>
    /// Called once by every client built with this coordinator in <see cref="LumaClientOptions.Coordinator"/>, when
    /// the client is constructed: returns the coordinator that client uses (this one, or one scoped to its account).
    /// </summary>
    /// <param name="client">The client's account (a one-way hash of its key, never the key), settings and local fallback.</param>
    /// <returns>The coordinator for that client's calls.</returns>
    ILumaCoordinator ForClient(LumaCoordinationContext client);

    /// <summary>
    /// Waits until a create may be sent without breaking the requests-per-minute window, then reserves its place.
    /// Complete the admission with what the response said.
    /// </summary>
    /// <param name="maxWait">
    /// The longest hold the caller accepts; a longer one throws <see cref="LumaRateLimitException"/> (kind
    /// <see cref="RateLimitKind.RequestsPerMinute"/>, with <see cref="LumaApiException.RetryAfter"/>) without waiting.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The admission, to be completed exactly once.</returns>
    ValueTask<ICreateAdmission> AdmitCreateAsync(TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for a job slot before a create whose job the caller will wait for (<c>CreateAndWaitAsync</c>). The slot is
    /// held until it is disposed or the job is seen to finish.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The slot; dispose it when the job is done (or was never created).</returns>
    ValueTask<IJobSlot> AcquireJobSlotAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Told the state of a generation whenever a read returns it. A terminal state frees the job's slot wherever it is
    /// held; a running one may renew it.
    /// </summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="state">The state read, or null when the response had none.</param>
    /// <param name="cancellationToken">Cancels the bookkeeping (never the caller's call).</param>
    /// <returns>A task that completes when the state has been recorded.</returns>
    ValueTask ObserveGenerationAsync(string generationId, GenerationState? state, CancellationToken cancellationToken = default);
}
