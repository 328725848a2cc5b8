using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// <c>POST /v1/files</c> in both modes: <c>application/json</c> creates a <c>pending</c> file and answers a presigned
/// PUT (<c>upload</c>); <c>multipart/form-data</c> carries the bytes inline (part <c>file</c>, other fields as form
/// fields), streamed past a counter and a CRC-32 under <see cref="FakeLumaServerOptions.FileInlineMaxBytes"/> (413 above).
/// </summary>
internal sealed class CreateFileHandler(FileIngest ingest) : IRouteHandler
{
    private const int MaxFieldChars = 64 * 1024;

    /// <summary>Multipart creates stream their body to the handler; the dispatcher buffers every other request.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    public async ValueTask<SimulatedResponse> HandleAsync(RouteRequest request)
    {
        if (IsMultipart(request.Http))
        {
            return await CreateInlineAsync(request).ConfigureAwait(false);
        }

        string? contentType = request.Http.ContentType;
        if (contentType is not null && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return SimulatedResponse.Detail(415, $"Content-Type must be application/json (presigned upload) or multipart/form-data (inline upload), not '{contentType}'");
        }

        return CreatePresigned(request);
    }

    private SimulatedResponse CreatePresigned(RouteRequest request)
    {
        JsonObject body;
        try
        {
            if (JsonNode.Parse(request.Body!) is not JsonObject parsed)
            {
                return SimulatedResponse.Detail(400, FakeLumaServerDetails.BodyNotAnObject);
            }

            body = parsed;
        }
        catch (JsonException)
        {
            return SimulatedResponse.Detail(400, FakeLumaServerDetails.InvalidJson);
        }

        DateTimeOffset now = ingest.Time.GetUtcNow();
        var fields = new FileFields();
        fields.SetMimeType(String(body, "mime_type", fields, out bool hasMime), hasMime);
        long size = 0;
        if (!body.TryGetPropertyValue("size_bytes", out JsonNode? sizeNode) || sizeNode is null)
        {
            fields.Add("size_bytes: Field required");
        }
        else if (sizeNode is not JsonValue sizeValue || !sizeValue.TryGetValue(out size))
        {
            fields.Add("size_bytes: Input should be a valid integer");
        }
        else
        {
            fields.CheckSize(size);
        }

        fields.SetPurpose(String(body, "purpose", fields, out bool hasPurpose), hasPurpose);
        fields.SetExpiresAt(String(body, "expires_at", fields, out bool hasExpiry), hasExpiry, now);
        fields.SetFileName(String(body, "filename", fields, out bool hasName), hasName);
        fields.SetUserId(String(body, "user_id", fields, out bool hasUser), hasUser);
        if (fields.Problem is { } problem)
        {
            return SimulatedResponse.Detail(400, problem);
        }

        string id = Guid.NewGuid().ToString("D");
        StoredFile file = ingest.Store.Add(sequence => new StoredFile
        {
            Id = id,
            Sequence = sequence,
            ApiKey = request.ApiKey,
            CreatedAt = now,
            MimeType = fields.MimeType!,
            Purpose = fields.Purpose,
            SizeBytes = size,
            FileName = fields.FileName,
            UserId = fields.UserId,
            ExpiresAt = fields.ExpiresAt,
            UploadMode = "presigned",
            UploadExpiresAt = now + ingest.UploadUrls.Lifetime,
            UploadHeaders = [new("Content-Type", fields.MimeType!), new("x-amz-meta-luma-file-id", id)],
        });
        return SimulatedResponse.Json(201, FileJson.Created(file, now, ingest.UploadUrl(file, now)));
    }

    private async ValueTask<SimulatedResponse> CreateInlineAsync(RouteRequest request)
    {
        HttpRequest http = request.Http;
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out MediaTypeHeaderValue? mediaType) ||
            HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return SimulatedResponse.Detail(400, "Content-Type: multipart/form-data needs a boundary");
        }

        var formFields = new Dictionary<string, string>(StringComparer.Ordinal);
        var content = new FileIngest.ContentCounter();
        bool sawFile = false;
        string? partFileName = null;
        string? partType = null;
        var reader = new MultipartReader(boundary, http.Body);
        try
        {
            for (MultipartSection? section; (section = await reader.ReadNextSectionAsync(http.HttpContext.RequestAborted).ConfigureAwait(false)) is not null;)
            {
                ContentDispositionHeaderValue? disposition = section.GetContentDispositionHeader();
                string name = disposition is null ? string.Empty : HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (name == "file" && !sawFile)
                {
                    sawFile = true;
                    partFileName = HeaderUtilities.RemoveQuotes(disposition!.FileName).Value;
                    partType = section.ContentType;
                    await CountAsync(section.Body, content, http.HttpContext.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    char[] buffer = new char[MaxFieldChars + 1];
                    int read = await text.ReadBlockAsync(buffer, http.HttpContext.RequestAborted).ConfigureAwait(false);
                    if (read > MaxFieldChars)
                    {
                        return SimulatedResponse.Detail(400, $"{name}: Form field is too long");
                    }

                    formFields[name] = new string(buffer, 0, read);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !http.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return SimulatedResponse.Detail(400, $"Request body is not valid multipart/form-data: {exception.Message}");
        }

        if (!sawFile)
        {
            return SimulatedResponse.Detail(400, "file: Field required");
        }

        if (content.Length > ingest.InlineMaxBytes)
        {
            return SimulatedResponse.Detail(413, $"{FakeLumaServerDetails.InlineFileTooLarge} (limit {ingest.InlineMaxBytes} bytes)");
        }

        DateTimeOffset now = ingest.Time.GetUtcNow();
        var fields = new FileFields();
        fields.SetMimeType(formFields.GetValueOrDefault("mime_type") ?? partType, formFields.ContainsKey("mime_type") || partType is not null);
        fields.SetPurpose(formFields.GetValueOrDefault("purpose"), formFields.ContainsKey("purpose"));
        fields.SetExpiresAt(formFields.GetValueOrDefault("expires_at"), formFields.ContainsKey("expires_at"), now);
        fields.SetFileName(formFields.GetValueOrDefault("filename") ?? partFileName, formFields.ContainsKey("filename") || partFileName is not null);
        fields.SetUserId(formFields.GetValueOrDefault("user_id"), formFields.ContainsKey("user_id"));
        fields.CheckSize(content.Length);
        if (formFields.TryGetValue("size_bytes", out string? declared) && declared != content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            fields.Add($"size_bytes: Does not match the uploaded file ({content.Length} bytes)");
        }

        if (fields.Problem is { } problem)
        {
            return SimulatedResponse.Detail(400, problem);
        }

        SimulatedResponse? refusal = null;
        StoredFile file = ingest.Store.Add(sequence =>
        {
            var created = new StoredFile
            {
                Id = Guid.NewGuid().ToString("D"),
                Sequence = sequence,
                ApiKey = request.ApiKey,
                CreatedAt = now,
                MimeType = fields.MimeType!,
                Purpose = fields.Purpose,
                SizeBytes = content.Length,
                FileName = fields.FileName,
                UserId = fields.UserId,
                ExpiresAt = fields.ExpiresAt,
                UploadMode = "inline",
            };
            content.ApplyTo(created);
            refusal = ingest.Complete(created, now);
            return created;
        });

        return refusal ?? SimulatedResponse.Json(201, FileJson.Created(file, now, uploadUrl: null));
    }

    private static async Task CountAsync(Stream body, FileIngest.ContentCounter content, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0;)
        {
            content.Append(buffer.AsSpan(0, read));
        }
    }

    /// <summary>A string member: absent and JSON null count as not set; any other type is a problem.</summary>
    private static string? String(JsonObject body, string name, FileFields fields, out bool present)
    {
        present = body.TryGetPropertyValue(name, out JsonNode? node) && node is not null;
        if (!present)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        fields.Add($"{name}: Input should be a valid string");
        present = false;
        return null;
    }
}
