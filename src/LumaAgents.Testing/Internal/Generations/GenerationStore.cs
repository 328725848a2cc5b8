using System.Collections.Concurrent;

namespace LumaAgents.Testing.Internal;

/// <summary>Every generation the server knows, by id and in creation order.</summary>
internal sealed class GenerationStore
{
    private readonly ConcurrentDictionary<string, StoredGeneration> _byId = new(StringComparer.Ordinal);
    private readonly Lock _orderGate = new();
    private readonly List<StoredGeneration> _inOrder = [];

    public void Add(StoredGeneration generation)
    {
        if (!_byId.TryAdd(generation.Id, generation))
        {
            throw new InvalidOperationException($"A generation with id '{generation.Id}' already exists.");
        }

        lock (_orderGate)
        {
            _inOrder.Add(generation);
        }
    }

    /// <summary>Finds a generation by any UUID spelling; anything that is not a UUID is simply not found.</summary>
    public StoredGeneration? Find(string id) =>
        Guid.TryParse(id, out Guid guid) && _byId.TryGetValue(guid.ToString("D"), out StoredGeneration? generation) ? generation : null;

    public StoredGeneration[] All()
    {
        lock (_orderGate)
        {
            return [.. _inOrder];
        }
    }
}
