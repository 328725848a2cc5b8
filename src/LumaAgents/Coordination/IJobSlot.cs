namespace LumaAgents;

/// <summary>A concurrent-job slot, from <see cref="ILumaCoordinator.AcquireJobSlotAsync"/>. Dispose it to free the slot.</summary>
public interface IJobSlot : IAsyncDisposable
{
    /// <summary>Ties the slot to the job the create made, so any process that sees the job finish can free it.</summary>
    /// <param name="generationId">The created generation's id.</param>
    /// <returns>A task that completes when the binding has been recorded.</returns>
    /// <param name="cancellationToken">Cancels the bookkeeping.</param>
    ValueTask BindAsync(string generationId, CancellationToken cancellationToken = default);
}
