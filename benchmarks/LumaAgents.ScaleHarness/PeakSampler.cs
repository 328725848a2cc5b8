using System.Diagnostics;

namespace LumaAgents.ScaleHarness;

/// <summary>Samples the process's thread count and managed heap every 10 ms while a scenario runs.</summary>
internal sealed class PeakSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public PeakSampler()
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakThreads = Math.Max(PeakThreads, Process.GetCurrentProcess().Threads.Count);
                PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });
    }

    public int PeakThreads { get; private set; }

    public long PeakManagedBytes { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
