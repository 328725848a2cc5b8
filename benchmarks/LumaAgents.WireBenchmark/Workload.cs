using System.Diagnostics;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>One of the four measured workloads: GETs or creates, one at a time or many in flight.</summary>
internal sealed record Workload(string Name, bool Create, int Concurrency)
{
    public static IReadOnlyList<Workload> All { get; } =
    [
        new("get-seq", Create: false, Concurrency: 1),
        new("get-conc", Create: false, Concurrency: 64),
        new("create-seq", Create: true, Concurrency: 1),
        new("create-conc", Create: true, Concurrency: 32),
    ];

    public static Workload Named(string name)
        => All.FirstOrDefault(w => w.Name == name) ?? throw new ArgumentException($"Unknown workload '{name}'; one of {string.Join(", ", All.Select(w => w.Name))}.");

    /// <summary>Runs <paramref name="count"/> calls, <see cref="Concurrency"/> in flight; returns how many answers were wrong.</summary>
    public async Task<int> RunAsync(IWireClient client, int count)
    {
        Func<Task<Generation>> call = Create ? client.CreateAsync : client.GetAsync;
        Func<Generation, bool> ok = Create ? ResponseCheck.IsQueued : ResponseCheck.IsCompleted;
        if (Concurrency == 1)
        {
            return await CallAsync(call, ok, count).ConfigureAwait(false);
        }

        var next = 0;
        var workers = new Task<int>[Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                var wrong = 0;
                while (Interlocked.Increment(ref next) <= count)
                {
                    wrong += ok(await call().ConfigureAwait(false)) ? 0 : 1;
                }

                return wrong;
            });
        }

        return (await Task.WhenAll(workers).ConfigureAwait(false)).Sum();
    }

    /// <summary>Warms up (JIT tiers, connections) for at least <paramref name="duration"/> and <paramref name="minimum"/> calls.</summary>
    public async Task<(int Calls, int Wrong)> WarmUpAsync(IWireClient client, TimeSpan duration, int minimum)
    {
        var started = Stopwatch.StartNew();
        int calls = 0, wrong = 0;
        var batch = Math.Max(Concurrency * 8, 64);
        while (calls < minimum || started.Elapsed < duration)
        {
            wrong += await RunAsync(client, batch).ConfigureAwait(false);
            calls += batch;
        }

        return (calls, wrong);
    }

    private static async Task<int> CallAsync(Func<Task<Generation>> call, Func<Generation, bool> ok, int count)
    {
        var wrong = 0;
        for (var i = 0; i < count; i++)
        {
            wrong += ok(await call().ConfigureAwait(false)) ? 0 : 1;
        }

        return wrong;
    }
}
