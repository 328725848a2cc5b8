using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The SDK's source-generated context and User-Agent are internal, and its InternalsVisibleTo names only the in-memory
/// suite, so this assembly finds them by reflection (a context of our own cannot stand in: the SDK's enum converters
/// are internal, so the generator cannot build metadata for its types). The members are found once, up front
/// (<see cref="FindSdkMembers"/>; the start-up probe times it as <c>baselineLookupMs</c>); they are read on first use,
/// so building the JSON metadata falls in the first call, as it does in the SDK.
/// </summary>
internal sealed partial class HandWrittenLumaClient
{
    private const BindingFlags AnyStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    private static PropertyInfo? _contextDefault;
    private static PropertyInfo? _userAgentValue;

    private static partial JsonTypeInfo<GenerationRequest> RequestInfo => SdkMembers.Request;

    private static partial JsonTypeInfo<Generation> GenerationInfo => SdkMembers.Response;

    private static partial string UserAgentValue => SdkMembers.Agent;

    /// <summary>Finds the two internal members (reflection only; nothing is run).</summary>
    public static void FindSdkMembers()
    {
        var sdk = typeof(LumaClient).Assembly;
        _contextDefault = sdk.GetType("LumaAgents.Serialization.LumaJsonContext", throwOnError: true)!.GetProperty("Default", AnyStatic)!;
        _userAgentValue = sdk.GetType("LumaAgents.UserAgent", throwOnError: true)!.GetProperty("Value", AnyStatic)!;
    }

    /// <summary>Read on first use (a nested class so that is when its fields are set).</summary>
    private static class SdkMembers
    {
        public static readonly JsonSerializerContext Context = (JsonSerializerContext)Found(ref _contextDefault).GetValue(null)!;

        public static readonly JsonTypeInfo<GenerationRequest> Request = (JsonTypeInfo<GenerationRequest>)Context.GetTypeInfo(typeof(GenerationRequest))!;

        public static readonly JsonTypeInfo<Generation> Response = (JsonTypeInfo<Generation>)Context.GetTypeInfo(typeof(Generation))!;

        public static readonly string Agent = (string)Found(ref _userAgentValue).GetValue(null)!;

        private static PropertyInfo Found(ref PropertyInfo? member)
        {
            if (member is null)
            {
                FindSdkMembers();
            }

            return member!;
        }
    }
}
