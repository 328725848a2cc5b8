using System.Globalization;
using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>
/// The multipart body of an inline <c>POST /files</c>: the bytes in the part named <c>file</c> (streamed, with the
/// file's name and media type), the other fields of the create as form fields of the same names, only those set.
/// </summary>
internal static class InlineUploadContent
{
    public static MultipartFormDataContent Create(FileCreateRequest request, UploadSource source, UploadProgress progress, IdleWatch watch)
    {
        var form = new MultipartFormDataContent();
        Field(form, "mime_type", request.MimeType);
        Field(form, "size_bytes", request.SizeBytes.ToString(CultureInfo.InvariantCulture));
        // The ISO-8601 form System.Text.Json writes in the JSON flow.
        Field(form, "expires_at", request.ExpiresAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        Field(form, "filename", request.FileName);
        Field(form, "purpose", request.Purpose?.Value);
        Field(form, "user_id", request.UserId);

        var file = new UploadContent(source, watch, progress, fileId: null);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(request.MimeType!);
        form.Add(file, "file", request.FileName ?? "file");
        return form;
    }

    private static void Field(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            // No Content-Type on a plain form field: servers read such a part as text.
            var content = new StringContent(value);
            content.Headers.ContentType = null;
            form.Add(content, name);
        }
    }
}
