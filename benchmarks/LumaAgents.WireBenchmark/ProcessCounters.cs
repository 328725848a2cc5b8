using System.Runtime.InteropServices;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>
/// What this process has used so far, from its own counters: CPU time of every thread (user + system, from
/// <c>getrusage(RUSAGE_SELF)</c>, microsecond resolution; <see cref="System.Diagnostics.Process.TotalProcessorTime"/>
/// reads clock ticks of 10 ms), bytes allocated on the managed heap, and collections.
/// </summary>
internal readonly record struct ProcessCounters(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static ProcessCounters Now() => new(
        CpuTime(),
        GC.GetTotalAllocatedBytes(precise: true),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2));

    public static ProcessCounters operator -(ProcessCounters after, ProcessCounters before) => new(
        after.Cpu - before.Cpu,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2);

    private static TimeSpan CpuTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        }

        if (getrusage(0 /* RUSAGE_SELF */, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000d + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    /// <summary>The two <c>struct timeval</c>s at the start of <c>struct rusage</c> (64-bit Linux), then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }
}
