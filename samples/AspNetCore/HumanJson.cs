using System.Text.Encodings.Web;
using System.Text.Json;
using LumaAgents.Serialization;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>
/// JSON for people (curl output, logs) rather than for a browser page: the relaxed encoder leaves <c>&amp;</c>, <c>+</c>
/// and non-ASCII letters as they are, so a presigned output URL copied from a response works. The default encoder
/// writes <c>&amp;</c> as <c>\u0026</c>, which breaks a copied URL. The relaxed encoder is only unsafe when JSON is
/// pasted into HTML or a script, which an <c>application/json</c> answer never is. The SDK's own wire JSON (what it
/// sends to the API) stays strict: it is read by machines only.
/// </summary>
public static class HumanJson
{
    /// <summary>The encoder for every JSON answer of this sample (see the class remarks).</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>A generation as the API sends it (snake_case, the SDK's own serializer), with the relaxed encoder.</summary>
    /// <param name="generation">The generation.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    public static IResult Generation(Generation generation, int statusCode = StatusCodes.Status200OK)
        => Results.Text(Relax(LumaJson.Serialize(generation)), "application/json", statusCode: statusCode);

    /// <summary>Rewrites JSON text with the relaxed encoder; the values are unchanged, only their escaping.</summary>
    /// <param name="json">JSON text.</param>
    public static string Relax(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            document.RootElement.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
