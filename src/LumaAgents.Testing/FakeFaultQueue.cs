namespace LumaAgents.Testing;

/// <summary>
/// The faults scripted for a <see cref="FakeLumaServer"/>, applied first-in first-out: each request takes the oldest
/// entry whose route matches it. Thread-safe.
/// </summary>
public sealed class FakeFaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    internal FakeFaultQueue()
    {
    }

    /// <summary>How many scripted applications are still pending (an entry added for 3 times counts 3).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                long total = 0;
                foreach (Entry entry in _entries)
                {
                    total += entry.Remaining;
                }

                return (int)Math.Min(total, int.MaxValue);
            }
        }
    }

    /// <summary>Applies <paramref name="fault"/> once, to the next request of any route.</summary>
    /// <param name="fault">The fault.</param>
    public void Enqueue(FakeFault fault) => Add(FakeRoute.Any, fault);

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests of <paramref name="route"/>.</summary>
    /// <param name="route">Which requests it applies to.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it applies to; <see cref="int.MaxValue"/> for every one until <see cref="Clear"/>.</param>
    public void Add(FakeRoute route, FakeFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        if (!Enum.IsDefined(route))
        {
            throw new ArgumentOutOfRangeException(nameof(route), route, "Unknown route.");
        }

        lock (_gate)
        {
            _entries.Add(new Entry(route, fault, times));
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal FakeFault? TryTake(RouteKind kind)
    {
        lock (_gate)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                Entry entry = _entries[i];
                if (entry.Route != FakeRoute.Any && !Matches(entry.Route, kind))
                {
                    continue;
                }

                if (entry.Remaining != int.MaxValue && --entry.Remaining == 0)
                {
                    _entries.RemoveAt(i);
                }

                return entry.Fault;
            }

            return null;
        }
    }

    private static bool Matches(FakeRoute route, RouteKind kind) => route switch
    {
        FakeRoute.Create => kind == RouteKind.Create,
        FakeRoute.Get => kind == RouteKind.Get,
        FakeRoute.Download => kind == RouteKind.Download,
        FakeRoute.CreateFile => kind == RouteKind.CreateFile,
        FakeRoute.CompleteFile => kind == RouteKind.CompleteFile,
        FakeRoute.GetFile => kind == RouteKind.GetFile,
        FakeRoute.ListFiles => kind == RouteKind.ListFiles,
        FakeRoute.DeleteFile => kind == RouteKind.DeleteFile,
        FakeRoute.Upload => kind == RouteKind.Upload,
        FakeRoute.Files => kind is RouteKind.CreateFile or RouteKind.CompleteFile or RouteKind.GetFile or RouteKind.ListFiles or RouteKind.DeleteFile,
        _ => true,
    };

    private sealed class Entry(FakeRoute route, FakeFault fault, int remaining)
    {
        public FakeRoute Route { get; } = route;

        public FakeFault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
