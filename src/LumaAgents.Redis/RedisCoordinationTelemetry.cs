using System.Diagnostics.Metrics;

namespace LumaAgents.Redis;

/// <summary>
/// The coordinator's metrics, on a meter of its own named <c>LumaAgents.Redis</c> (subscribe with
/// <c>AddMeter(RedisCoordinationTelemetry.MeterName)</c>, beside the SDK's <c>LumaAgents</c> meter). With nobody
/// listening, nothing is recorded.
/// </summary>
public static class RedisCoordinationTelemetry
{
    /// <summary>The <see cref="Meter"/> name: <c>LumaAgents.Redis</c>.</summary>
    public const string MeterName = "LumaAgents.Redis";

    /// <summary>
    /// Counter: times a client stopped sharing its limits because Redis failed or was slow, and decided in process
    /// instead; tag <c>luma.coordination.reason</c> (<c>timeout</c>, <c>disconnected</c>, <c>error</c>).
    /// </summary>
    public const string FailOpens = "luma.coordination.fail_open";

    /// <summary>
    /// Counter: decisions made in process while Redis was unavailable; tag <c>luma.coordination.decision</c>
    /// (<c>create</c>: a create admitted, <c>job_slot</c>: a job slot taken).
    /// </summary>
    public const string LocalDecisions = "luma.coordination.local_decisions";

    internal static readonly Meter Meter = new(MeterName, typeof(RedisCoordinationTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> FailOpensInstrument =
        Meter.CreateCounter<long>(FailOpens, "{event}", "Times Luma coordination fell back from Redis to in-process limits.");

    internal static readonly Counter<long> LocalDecisionsInstrument =
        Meter.CreateCounter<long>(LocalDecisions, "{decision}", "Luma coordination decisions made in process while Redis was unavailable.");

    internal static void CountLocal(string decision)
    {
        if (LocalDecisionsInstrument.Enabled)
        {
            LocalDecisionsInstrument.Add(1, new KeyValuePair<string, object?>("luma.coordination.decision", decision));
        }
    }
}
