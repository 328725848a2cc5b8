using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Writes the API's JSON by hand with <see cref="Utf8JsonWriter"/>: no reflection, and no shared models with the SDK,
/// so a wire-format mistake in the SDK cannot be mirrored here.
/// </summary>
internal static class JsonBodies
{
    // The API is consumed by programs, not embedded in HTML, so characters such as ' < > stay readable as the server sends them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // alpha_hint takes the documented values (soft, hard, none); bounds are pixel boxes on a 1024 x 1024 canvas.
    private static readonly (string Label, string Description, string AlphaHint, int X, int Y, int Width, int Height)[] Layers =
    [
        ("background", "The scene behind the subject, filled in where the subject was.", "none", 0, 0, 1024, 1024),
        ("subject", "The main subject, cut out with soft edges.", "soft", 256, 192, 512, 640),
        ("foreground", "Elements in front of the subject.", "hard", 0, 768, 1024, 256),
    ];

    private const int LayerCanvas = 1024;

    public static byte[] Detail(string detail)
    {
        var buffer = new ArrayBufferWriter<byte>(detail.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("detail", detail);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The Generation as the API shows it in <paramref name="state"/>; output URLs come from <paramref name="mintUrl"/>.</summary>
    public static byte[] Generation(StoredGeneration generation, string state, Func<int, string>? mintUrl)
    {
        var buffer = new ArrayBufferWriter<byte>(mintUrl is null ? 256 : 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", generation.Id);
            writer.WriteString("created_at", FormatTimestamp(generation.CreatedAt));
            writer.WriteString("model", generation.Model);
            writer.WriteString("type", generation.Type);
            writer.WriteString("state", state);
            bool failed = state == "failed";
            WriteNullableString(writer, "failure_code", failed ? generation.Outcome.FailureCode : null);
            WriteNullableString(writer, "failure_reason", failed ? generation.Outcome.FailureReason : null);
            writer.WriteStartArray("output");
            if (state == "completed" && mintUrl is not null)
            {
                for (int i = 0; i < generation.OutputCount; i++)
                {
                    WriteOutput(writer, generation, i, mintUrl(i));
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>ISO-8601 UTC with <c>Z</c>; fractional seconds only when there are any, as the API's examples show.</summary>
    public static string FormatTimestamp(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void WriteOutput(Utf8JsonWriter writer, StoredGeneration generation, int index, string url)
    {
        writer.WriteStartObject();
        writer.WriteString("type", generation.IsVideo ? "video" : "image");
        writer.WriteString("url", url);
        if (generation.Type == "layering")
        {
            (string label, string description, string alphaHint, int x, int y, int width, int height) = Layers[index];
            writer.WriteStartObject("layer");
            writer.WriteNumber("index", index);
            writer.WriteString("label", label);
            writer.WriteString("description", description);
            writer.WriteString("alpha_hint", alphaHint);
            writer.WriteStartObject("bounds");
            writer.WriteNumber("x", x);
            writer.WriteNumber("y", y);
            writer.WriteNumber("width", width);
            writer.WriteNumber("height", height);
            writer.WriteNumber("canvas_width", LayerCanvas);
            writer.WriteNumber("canvas_height", LayerCanvas);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
