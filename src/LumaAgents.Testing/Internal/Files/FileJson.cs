using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LumaAgents.Testing.Internal;

/// <summary>The Files API's JSON (File, CreateFileResponse, FileList), written by hand like <see cref="JsonBodies"/>.</summary>
internal static class FileJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] File(StoredFile file, DateTimeOffset now) => Write(writer => WriteFile(writer, file, now));

    public static byte[] Created(StoredFile file, DateTimeOffset now, string? uploadUrl) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", file.Id);
        writer.WriteString("state", file.StateAt(now));
        writer.WritePropertyName("file");
        WriteFile(writer, file, now);
        if (uploadUrl is null)
        {
            writer.WriteNull("upload");
        }
        else
        {
            writer.WriteStartObject("upload");
            writer.WriteString("url", uploadUrl);
            writer.WriteString("method", "PUT");
            writer.WriteStartObject("headers");
            foreach (KeyValuePair<string, string> header in file.UploadHeaders)
            {
                writer.WriteString(header.Key, header.Value);
            }

            writer.WriteEndObject();
            writer.WriteString("expires_at", JsonBodies.FormatTimestamp(file.UploadExpiresAt!.Value));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    public static byte[] List(IReadOnlyList<StoredFile> page, bool hasMore, string? nextCursor, DateTimeOffset now) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        foreach (StoredFile file in page)
        {
            WriteFile(writer, file, now);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("has_more", hasMore);
        if (nextCursor is null)
        {
            writer.WriteNull("next_cursor");
        }
        else
        {
            writer.WriteString("next_cursor", nextCursor);
        }

        writer.WriteEndObject();
    });

    private static void WriteFile(Utf8JsonWriter writer, StoredFile file, DateTimeOffset now)
    {
        string state = file.StateAt(now);
        writer.WriteStartObject();
        writer.WriteString("id", file.Id);
        writer.WriteString("created_at", JsonBodies.FormatTimestamp(file.CreatedAt));
        writer.WriteString("mime_type", file.MimeType);
        writer.WriteString("purpose", file.Purpose);
        writer.WriteNumber("size_bytes", file.SizeBytes);
        writer.WriteString("state", state);
        WriteTimestamp(writer, "deleted_at", file.GoneAt(now));
        WriteTimestamp(writer, "expires_at", file.ExpiresAt);
        WriteString(writer, "failure_reason", state == "failed" ? file.FailureReason : null);
        WriteString(writer, "filename", file.FileName);
        WriteString(writer, "user_id", file.UserId);
        writer.WriteEndObject();
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset? value) =>
        WriteString(writer, name, value is { } moment ? JsonBodies.FormatTimestamp(moment) : null);

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
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

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
