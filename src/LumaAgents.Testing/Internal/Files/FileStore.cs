namespace LumaAgents.Testing.Internal;

/// <summary>Every file the server knows, by id and in creation order (the keyset of the list route). One lock guards all.</summary>
internal sealed class FileStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredFile> _byId = new(StringComparer.Ordinal);
    private readonly List<StoredFile> _inOrder = [];
    private long _sequence;

    public Lock Gate => _gate;

    public StoredFile Add(Func<long, StoredFile> create)
    {
        lock (_gate)
        {
            StoredFile file = create(++_sequence);
            if (!_byId.TryAdd(file.Id, file))
            {
                throw new InvalidOperationException($"A file with id '{file.Id}' already exists.");
            }

            _inOrder.Add(file);
            return file;
        }
    }

    /// <summary>A file by any UUID spelling; anything that is not a UUID is simply not found. Callers that read or change it hold <see cref="Gate"/>.</summary>
    public StoredFile? Find(string id)
    {
        lock (_gate)
        {
            return Guid.TryParse(id, out Guid guid) && _byId.TryGetValue(guid.ToString("D"), out StoredFile? file) ? file : null;
        }
    }

    /// <summary>A file the caller owns; another key's file is as unknown as a missing one (404, never 403).</summary>
    public StoredFile? FindOwned(string id, string apiKey) => Find(id) is { } file && file.ApiKey == apiKey ? file : null;

    public StoredFile[] All()
    {
        lock (_gate)
        {
            return [.. _inOrder];
        }
    }
}
