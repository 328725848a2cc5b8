using System.Diagnostics;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>
/// One measured run: check the answer exactly, warm up (tiered JIT, connections), collect, then count CPU,
/// allocation and wall time over <c>--requests</c> calls, and check the answer exactly once more.
/// </summary>
internal static class WorkloadRun
{
    public static async Task<string> RunAsync(WireArguments arguments)
    {
        var workload = Workload.Named(arguments.Required("workload"));
        var requests = arguments.Int("requests", 10_000);
        using var client = arguments.CreateClient();
        Func<Task<Generation>> call = workload.Create ? client.CreateAsync : client.GetAsync;

        ResponseCheck.Exactly(await call().ConfigureAwait(false), workload.Create);
        var warmUp = Stopwatch.StartNew();
        var (warmCalls, warmWrong) = await workload.WarmUpAsync(
            client, TimeSpan.FromSeconds(arguments.Double("warmup-seconds", 2)), arguments.Int("warmup-requests", 1_000)).ConfigureAwait(false);
        warmUp.Stop();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var before = ProcessCounters.Now();
        var wall = Stopwatch.StartNew();
        var wrong = await workload.RunAsync(client, requests).ConfigureAwait(false);
        wall.Stop();
        var used = ProcessCounters.Now() - before;

        ResponseCheck.Exactly(await call().ConfigureAwait(false), workload.Create);
        if (wrong + warmWrong > 0)
        {
            throw new WrongAnswerException($"{arguments.Client} {workload.Name}: {wrong + warmWrong} of {requests + warmCalls} answers were wrong.");
        }

        return JsonLine.Write(w =>
        {
            w.WriteString("kind", "run");
            w.WriteString("client", arguments.Client);
            w.WriteString("workload", workload.Name);
            w.WriteString("variant", arguments.Optional("variant") ?? "default");
            w.WriteNumber("concurrency", workload.Concurrency);
            w.WriteNumber("requests", requests);
            w.WriteNumber("checked", requests + warmCalls + 2);
            w.WriteNumber("warmupRequests", warmCalls);
            w.WriteNumber("warmupSeconds", warmUp.Elapsed.TotalSeconds);
            w.WriteNumber("wallSeconds", wall.Elapsed.TotalSeconds);
            w.WriteNumber("cpuSeconds", used.Cpu.TotalSeconds);
            w.WriteNumber("systemCpuSeconds", used.SystemCpu.TotalSeconds);
            w.WriteNumber("contextSwitches", used.ContextSwitches);
            w.WriteNumber("allocatedBytes", used.AllocatedBytes);
            w.WriteNumber("gen0", used.Gen0);
            w.WriteNumber("gen1", used.Gen1);
            w.WriteNumber("gen2", used.Gen2);
            w.WriteNumber("cpuSecondsPer10k", used.Cpu.TotalSeconds * 10_000 / requests);
            w.WriteNumber("bytesPerRequest", (double)used.AllocatedBytes / requests);
            w.WriteNumber("requestsPerSecond", requests / wall.Elapsed.TotalSeconds);
        });
    }
}
