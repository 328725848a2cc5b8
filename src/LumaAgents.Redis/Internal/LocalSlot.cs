namespace LumaAgents.Redis;

/// <summary>
/// A job slot of this process's share, taken while Redis was unavailable. If Redis answers by the time the job is
/// made, the job is leased there too, so the fleet counts it.
/// </summary>
internal sealed class LocalSlot : IJobSlot
{
    private readonly AccountCoordinator _owner;
    private int _disposed;

    public LocalSlot(AccountCoordinator owner) => _owner = owner;

    public async ValueTask BindAsync(string generationId, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(generationId) && !_owner.IsLocal)
        {
            await SlotScripts.BindAsync(_owner, Guid.NewGuid().ToString("N"), generationId).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _owner.FreeSlot();
        }

        return default;
    }
}
