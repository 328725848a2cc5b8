using System.Runtime.InteropServices;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>
/// What this process has used so far, from its own counters: CPU time of every thread (user + system, from
/// <c>getrusage(RUSAGE_SELF)</c>, microsecond resolution; <see cref="System.Diagnostics.Process.TotalProcessorTime"/>
/// reads clock ticks of 10 ms), bytes allocated on the managed heap, and collections.
/// </summary>
internal readonly record struct ProcessCounters(TimeSpan Cpu, TimeSpan SystemCpu, long ContextSwitches, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static ProcessCounters Now()
    {
        var (cpu, system, switches) = Usage();
        return new(cpu, system, switches,
        GC.GetTotalAllocatedBytes(precise: true),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2));
    }

    public static ProcessCounters operator -(ProcessCounters after, ProcessCounters before) => new(
        after.Cpu - before.Cpu,
        after.SystemCpu - before.SystemCpu,
        after.ContextSwitches - before.ContextSwitches,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2);

    /// <summary>CPU time (user + system), system time alone, and context switches (voluntary + involuntary).</summary>
    private static (TimeSpan Cpu, TimeSpan System, long Switches) Usage()
    {
        if (!OperatingSystem.IsLinux())
        {
            var process = System.Diagnostics.Process.GetCurrentProcess();
            return (process.TotalProcessorTime, process.PrivilegedProcessorTime, 0);
        }

        if (getrusage(0 /* RUSAGE_SELF */, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        return (
            TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000d + usage.UserMicroseconds + usage.SystemMicroseconds),
            TimeSpan.FromMicroseconds(usage.SystemSeconds * 1_000_000d + usage.SystemMicroseconds),
            usage.NvCsw + usage.NivCsw);
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
