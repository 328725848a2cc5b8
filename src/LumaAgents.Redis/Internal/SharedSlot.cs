namespace LumaAgents.Redis;

/// <summary>
/// A job slot reserved in Redis. Bound, it becomes the job's lease, which stays until a process reads the job
/// terminal or the lease expires: a wait given up on does not free a slot the job still holds on the API.
/// </summary>
internal sealed class SharedSlot : IJobSlot
{
    private readonly AccountCoordinator _owner;
    private readonly string _token;
    private string? _generationId;
    private int _disposed;

    public SharedSlot(AccountCoordinator owner, string token)
    {
        _owner = owner;
        _token = token;
    }

    public async ValueTask BindAsync(string generationId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(generationId))
        {
            return;
        }

        _generationId = generationId;
        await SlotScripts.BindAsync(_owner, _token, generationId).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_generationId is null)
        {
            // No job was made (or its id is unknown): the reservation goes now, else it would expire by itself.
            var keys = _owner.Keys;
            await _owner.EvaluateAsync(Scripts.Release, [keys.Slots, keys.Waiters], [_owner.Clock(), _token, keys.ChannelName]).ConfigureAwait(false);
        }

        _owner.FreeSlot();
    }
}
