using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The SDK's source-generated context and User-Agent are internal, and its InternalsVisibleTo names only the in-memory
/// suite, so this assembly finds them by reflection (a context of our own cannot stand in: the SDK's enum converters
/// are internal, so the generator cannot build metadata for its types). The members are found once, up front
/// (<see cref="FindSdkMembers"/>; the start-up probe times it as <c>baselineLookupMs</c>); each is read on its own first
/// use, so building the response metadata falls in the first GET and the request metadata in the first create, as in
/// the SDK.
/// </summary>
internal sealed partial class HandWrittenLumaClient
{
    private const BindingFlags AnyStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    private static PropertyInfo? _contextDefault;
    private static PropertyInfo? _userAgentValue;

    private static partial JsonTypeInfo<GenerationRequest> RequestInfo => RequestMetadata.Value;

    private static partial JsonTypeInfo<Generation> GenerationInfo => ResponseMetadata.Value;

    private static partial string UserAgentValue => SdkUserAgent.Value;

    /// <summary>Finds the two internal members (reflection only; nothing is run).</summary>
    public static void FindSdkMembers()
    {
        var sdk = typeof(LumaClient).Assembly;
        _contextDefault = sdk.GetType("LumaAgents.Serialization.LumaJsonContext", throwOnError: true)!.GetProperty("Default", AnyStatic)!;
        _userAgentValue = sdk.GetType("LumaAgents.UserAgent", throwOnError: true)!.GetProperty("Value", AnyStatic)!;
    }

    private static PropertyInfo Found(ref PropertyInfo? member)
    {
        if (member is null)
        {
            FindSdkMembers();
        }

        return member!;
    }

    // One class per member: a class's static fields are set on its first use, so each is built when first needed.
    private static class SdkContext
    {
        public static readonly JsonSerializerContext Value = (JsonSerializerContext)Found(ref _contextDefault).GetValue(null)!;
    }

    private static class RequestMetadata
    {
        public static readonly JsonTypeInfo<GenerationRequest> Value = (JsonTypeInfo<GenerationRequest>)SdkContext.Value.GetTypeInfo(typeof(GenerationRequest))!;
    }

    private static class ResponseMetadata
    {
        public static readonly JsonTypeInfo<Generation> Value = (JsonTypeInfo<Generation>)SdkContext.Value.GetTypeInfo(typeof(Generation))!;
    }

    private static class SdkUserAgent
    {
        public static readonly string Value = (string)Found(ref _userAgentValue).GetValue(null)!;
    }
}
