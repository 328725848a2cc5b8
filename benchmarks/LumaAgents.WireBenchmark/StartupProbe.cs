using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime;
using System.Runtime.CompilerServices;
using LumaAgents.Serialization;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>
/// A fresh process's first calls: process start → first GET answered → first create answered (→ second GET and
/// create, for comparison), with the JIT work, allocation and assembly loads of each phase. Variants switch SDK
/// features off or do one piece of the first create's work in a phase of its own ("prime-…") before it, so what that
/// piece costs shows up as a phase of its own and comes off the first create: that is how the cold-start cost is
/// bisected without touching the SDK.
/// </summary>
internal static class StartupProbe
{
    public static readonly string[] Variants =
        ["default", "no-throttle", "no-validate", "prime-validate", "prime-serialize", "prime-post", "prime-all"];

    public static async Task<string> RunAsync(WireArguments arguments, long mainEntered)
    {
        var variant = arguments.Optional("variant") ?? "default";
        if (!Variants.Contains(variant) || (variant != "default" && arguments.Client != "sdk"))
        {
            throw new ArgumentException($"--variant is one of {string.Join(", ", Variants)} (the baseline only runs default).");
        }

        var launched = long.TryParse(Environment.GetEnvironmentVariable("WIRE_LAUNCHED_AT"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t)
            ? t
            : throw new ArgumentException("WIRE_LAUNCHED_AT (the launcher's Stopwatch.GetTimestamp() just before it started this process) is not set.");
        var phases = new List<Phase> { Phase.At("main", launched, mainEntered) };

        // The canned request (and its type initializer) is the benchmark's, not either client's: build it up front.
        _ = Payloads.ImageRequest;
        phases.Add(Phase.Since("payloads", phases[^1]));

        double lookupMs = 0;
        if (arguments.Client == "baseline")
        {
            var lookup = Stopwatch.GetTimestamp();
            HandWrittenLumaClient.FindSdkMembers();
            lookupMs = Stopwatch.GetElapsedTime(lookup).TotalMilliseconds;
        }

        using var client = arguments.CreateClient();
        phases.Add(Phase.Since("client", phases[^1]));

        var get = await client.GetAsync().ConfigureAwait(false);
        phases.Add(Phase.Since("first-get", phases[^1]));
        Markers.FirstGetDone();

        if (variant.StartsWith("prime-", StringComparison.Ordinal))
        {
            await PrimeAsync(variant, arguments.BaseUrl).ConfigureAwait(false);
            phases.Add(Phase.Since(variant, phases[^1]));
            Markers.PrimeDone();
        }

        var created = await client.CreateAsync().ConfigureAwait(false);
        phases.Add(Phase.Since("first-create", phases[^1]));
        Markers.FirstCreateDone();

        var get2 = await client.GetAsync().ConfigureAwait(false);
        phases.Add(Phase.Since("second-get", phases[^1]));
        var created2 = await client.CreateAsync().ConfigureAwait(false);
        phases.Add(Phase.Since("second-create", phases[^1]));
        Markers.SecondCreateDone();

        ResponseCheck.Exactly(get, create: false);
        ResponseCheck.Exactly(get2, create: false);
        ResponseCheck.Exactly(created, create: true);
        ResponseCheck.Exactly(created2, create: true);

        return JsonLine.Write(w =>
        {
            w.WriteString("kind", "startup");
            w.WriteString("client", arguments.Client);
            w.WriteString("variant", variant);
            w.WriteBoolean("tieredCompilation", Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0");
            w.WriteBoolean("serverGc", GCSettings.IsServerGC);
            w.WriteNumber("baselineLookupMs", lookupMs);
            w.WriteNumber("startToFirstGetMs", phases.First(p => p.Name == "first-get").EndMs);
            w.WriteNumber("firstGetMs", phases.First(p => p.Name == "first-get").Ms);
            w.WriteNumber("firstCreateMs", phases.First(p => p.Name == "first-create").Ms);
            w.WriteNumber("secondGetMs", phases.First(p => p.Name == "second-get").Ms);
            w.WriteNumber("secondCreateMs", phases.First(p => p.Name == "second-create").Ms);
            w.WriteStartArray("phases");
            foreach (var phase in phases)
            {
                w.WriteStartObject();
                w.WriteString("name", phase.Name);
                w.WriteNumber("ms", phase.Ms);
                w.WriteNumber("endMs", phase.EndMs);
                w.WriteNumber("jitMethods", phase.JitMethods);
                w.WriteNumber("jitMs", phase.JitMs);
                w.WriteNumber("allocatedBytes", phase.AllocatedBytes);
                w.WriteNumber("assembliesLoaded", phase.Assemblies);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Does one piece of a create's work on its own, through public API only.</summary>
    private static async Task PrimeAsync(string variant, Uri baseUrl)
    {
        if (variant is "prime-validate" or "prime-all")
        {
            _ = Payloads.ImageRequest.Validate();
        }

        if (variant is "prime-serialize" or "prime-all")
        {
            _ = LumaJson.Serialize(Payloads.ImageRequest);
        }

        if (variant is "prime-post" or "prime-all")
        {
            // The runtime's POST path (content, Content-Length, a 201 with a body) on a separate handler: same code, no SDK.
            using var http = new HttpClient(new SocketsHttpHandler());
            using var content = new ByteArrayContent("{}"u8.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(new Uri(baseUrl, "generations"), content).ConfigureAwait(false);
            _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }
    }

    private sealed record Phase(string Name, long Start, long End, long JitMethods, double JitMs, long AllocatedBytes, int Assemblies, long Launched)
    {
        private long JitMethodsTotal { get; init; }

        private double JitMsTotal { get; init; }

        private long AllocatedTotal { get; init; }

        private int AssembliesTotal { get; init; }

        public double Ms => Stopwatch.GetElapsedTime(Start, End).TotalMilliseconds;

        public double EndMs => Stopwatch.GetElapsedTime(Launched, End).TotalMilliseconds;

        public static Phase At(string name, long launched, long now)
        {
            var (jit, jitMs, allocated, assemblies) = Totals();
            return new Phase(name, launched, now, jit, jitMs, allocated, assemblies, launched)
            {
                JitMethodsTotal = jit, JitMsTotal = jitMs, AllocatedTotal = allocated, AssembliesTotal = assemblies,
            };
        }

        public static Phase Since(string name, Phase previous)
        {
            var now = Stopwatch.GetTimestamp();
            var (jit, jitMs, allocated, assemblies) = Totals();
            return new Phase(
                name, previous.End, now, jit - previous.JitMethodsTotal, jitMs - previous.JitMsTotal,
                allocated - previous.AllocatedTotal, assemblies - previous.AssembliesTotal, previous.Launched)
            {
                JitMethodsTotal = jit, JitMsTotal = jitMs, AllocatedTotal = allocated, AssembliesTotal = assemblies,
            };
        }

        private static (long Jit, double JitMs, long Allocated, int Assemblies) Totals() => (
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: false),
            AppDomain.CurrentDomain.GetAssemblies().Length);
    }

    /// <summary>Empty methods whose JIT marks the phase boundaries in a <c>DOTNET_JitStdOutFile</c> method list.</summary>
    private static class Markers
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void FirstGetDone() { }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void PrimeDone() { }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void FirstCreateDone() { }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void SecondCreateDone() { }
    }
}
