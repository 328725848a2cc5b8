using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>Source-generated JSON for the sample's own types (the SDK's types go through LumaJson).</summary>
[JsonSerializable(typeof(CreateImage))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class SampleJsonContext : JsonSerializerContext
{
}
