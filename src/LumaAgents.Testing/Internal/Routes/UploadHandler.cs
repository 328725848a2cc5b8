using Microsoft.AspNetCore.Http;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// <c>PUT /uploads/{id}?…</c>: the storage host behind a file's presigned upload URL, strict like S3 — no
/// <c>Authorization</c> (400), a valid unexpired signature (403), exactly the <c>upload.headers</c> (403), a
/// <c>Content-Length</c> (411) equal to the presigned <c>size_bytes</c> (403), and that many bytes received (400).
/// The body is streamed past a counter and a CRC-32, never buffered; a repeated PUT before complete replaces the content.
/// </summary>
internal sealed class UploadHandler(FileIngest ingest) : IRouteHandler
{
    public async ValueTask<SimulatedResponse> HandleAsync(RouteRequest request)
    {
        HttpRequest http = request.Http;
        string requestId = request.Record.RequestId;
        DateTimeOffset now = request.Now;
        if (http.Headers.ContainsKey("Authorization"))
        {
            return StorageErrors.UnsupportedAuthorization(requestId);
        }

        string id = request.Route.Id!;
        PresignedUrls.Verdict verdict = ingest.UploadUrls.CheckObject(FileIngest.UploadPath(id), http.Query, now, out DateTimeOffset expiresAt);
        if (StorageErrors.ForVerdict(verdict, expiresAt, now, requestId) is { } refused)
        {
            return refused;
        }

        if (ingest.Store.Find(id) is not { } file)
        {
            return StorageErrors.NoSuchKey(requestId);
        }

        lock (ingest.Store.Gate)
        {
            if (file.CompletedAt is not null || file.GoneAt(now) is not null)
            {
                return StorageErrors.UploadClosed(requestId);
            }
        }

        foreach (KeyValuePair<string, string> header in file.UploadHeaders)
        {
            if (http.Headers[header.Key] is not { Count: 1 } values || values[0] != header.Value)
            {
                return StorageErrors.HeaderMismatch(header.Key, requestId);
            }
        }

        if (http.ContentLength is not long declared)
        {
            return StorageErrors.MissingContentLength(requestId);
        }

        if (declared != file.SizeBytes)
        {
            return StorageErrors.SizeMismatch(declared, file.SizeBytes, requestId);
        }

        var content = new FileIngest.ContentCounter();
        try
        {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = await http.Body.ReadAsync(buffer, http.HttpContext.RequestAborted).ConfigureAwait(false)) > 0;)
            {
                content.Append(buffer.AsSpan(0, read));
            }
        }
        catch (BadHttpRequestException)
        {
            // The client ended the body before its Content-Length; S3 answers IncompleteBody (if the client still listens).
            return StorageErrors.IncompleteBody(declared, content.Length, requestId);
        }

        if (content.Length != declared)
        {
            return StorageErrors.IncompleteBody(declared, content.Length, requestId);
        }

        lock (ingest.Store.Gate)
        {
            if (file.CompletedAt is not null || file.GoneAt(ingest.Time.GetUtcNow()) is not null)
            {
                return StorageErrors.UploadClosed(requestId);
            }

            content.ApplyTo(file);
        }

        return SimulatedResponse.Storage(200, null, ReadOnlyMemory<byte>.Empty,
        [
            new("ETag", $"\"{file.Crc32!.Value:x8}\""),
            new("x-amz-request-id", requestId),
        ]);
    }
}
