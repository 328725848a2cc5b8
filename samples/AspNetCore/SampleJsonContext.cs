using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>
/// Source-generated JSON for the sample's own types and the values its ProblemDetails extensions hold (the SDK's
/// types go through LumaJson, see <see cref="HumanJson"/>).
/// </summary>
[JsonSerializable(typeof(CreateImage))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class SampleJsonContext : JsonSerializerContext
{
}
