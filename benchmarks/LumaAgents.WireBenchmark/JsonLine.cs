using System.Text;
using System.Text.Json;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>One JSON object on one line: what a run reports to the runner.</summary>
internal static class JsonLine
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
