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

    /// <summary>
    /// Members this SDK does not model, and modelled members whose JSON it could not read (kept raw under their JSON
    /// name).
    /// </summary>
    /// <remarks>
    /// On write an entry replaces the typed property of the same JSON name, so a raw value read from the server goes
    /// back as it came.
    /// </remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
