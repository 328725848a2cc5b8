using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>One output of a completed generation.</summary>
public sealed record GenerationOutput
{
    /// <summary>Image, video, or a kind this SDK does not know.</summary>
    public GenerationOutputType Type { get; set; }

    /// <summary>
    /// The presigned download URL. It expires after an hour and is a credential: do not log its query string.
    /// Each read of the generation mints a fresh one.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>The layer this output is, for layering generations.</summary>
    public OutputLayer? Layer { get; set; }

    /// <summary>Fields this SDK does not know yet.</summary>
    /// <remarks>Settable rather than init-only: the source generator cannot bind extension data through a constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
