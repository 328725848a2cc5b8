using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Where a generation is in its life. Only <see cref="Completed"/> and <see cref="Failed"/> are terminal; states the SDK does not know (such as <c>pending</c> from a proxy) are treated as still running.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationState>))]
public readonly partial struct GenerationState
{
    /// <summary>Accepted and waiting to run. Wire value <c>queued</c>.</summary>
    [WireValue("queued")]
    public static partial GenerationState Queued { get; }

    /// <summary>Running. Wire value <c>processing</c>.</summary>
    [WireValue("processing")]
    public static partial GenerationState Processing { get; }

    /// <summary>Finished; the outputs are ready. Wire value <c>completed</c>.</summary>
    [WireValue("completed")]
    public static partial GenerationState Completed { get; }

    /// <summary>Finished without outputs; see the failure code and reason. Wire value <c>failed</c>.</summary>
    [WireValue("failed")]
    public static partial GenerationState Failed { get; }
}
