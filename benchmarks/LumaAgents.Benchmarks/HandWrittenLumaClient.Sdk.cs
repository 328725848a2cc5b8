using System.Text.Json.Serialization.Metadata;
using LumaAgents.Serialization;

namespace LumaAgents.Benchmarks;

/// <summary>This assembly sees the SDK's internals (InternalsVisibleTo), so the baseline uses them directly.</summary>
internal sealed partial class HandWrittenLumaClient
{
    private static partial JsonTypeInfo<GenerationRequest> RequestInfo => LumaJsonContext.Default.GenerationRequest;

    private static partial JsonTypeInfo<Generation> GenerationInfo => LumaJsonContext.Default.Generation;

    private static partial string UserAgentValue => UserAgent.Value;
}
