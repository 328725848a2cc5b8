using System.Net;

namespace LumaAgents;

/// <summary>
/// One upload, from bytes to a ready file. At or under the inline limit: one multipart <c>POST /files</c> (a 413 sends
/// it through the presigned flow instead, once). Above it: create (JSON) → <c>PUT</c> the raw bytes to the presigned
/// URL through the <see cref="StorageClient"/> (exactly the presigned headers and a Content-Length; no Authorization,
/// request id or custom headers; retried as idempotent) → complete → wait until ready. A presigned URL that had expired
/// when the create answered (by this machine's clock), or that storage refuses with a 403 for expiry, is replaced by
/// creating the file again, once; the first record stays <c>pending</c> and expires unused, which is harmless.
/// </summary>
internal sealed class FileUploader
{
    private const string BudgetName = "the upload has no total limit; it fails after LumaClientOptions.Timeout without progress";

    private readonly FilesClient _files;
    private readonly LumaPipeline _pipeline;
    private readonly StorageClient _storage;

    public FileUploader(FilesClient files, LumaPipeline pipeline, StorageClient storage)
    {
        _files = files;
        _pipeline = pipeline;
        _storage = storage;
    }

    /// <param name="source">The bytes (their size checked already).</param>
    /// <param name="request">The create's fields: media type, size, name, purpose, expiry, user id.</param>
    /// <param name="options">The caller's options.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<LumaFile> UploadAsync(UploadSource source, FileCreateRequest request, FileUploadOptions options, CancellationToken cancellationToken)
    {
        _pipeline.Lifetime.ThrowIfDisposed();
        var progress = new UploadProgress(options.Progress);
        var inline = source.Length <= options.InlineLimit;
        using var activity = Diagnostics.LumaTelemetry.Source.StartActivity(FileLog.UploadActivity, System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("luma.file.size_bytes", source.Length);
        activity?.SetTag("luma.upload.mode", inline ? "inline" : "presigned");
        try
        {
            LumaFile file;
            if (inline)
            {
                FileLog.Uploading(_pipeline.Logger, source.Length, request.MimeType!, "inline");
                file = await InlineOrFallbackAsync(source, request, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                FileLog.Uploading(_pipeline.Logger, source.Length, request.MimeType!, "through a presigned URL");
                file = await PresignedAsync(source, request, progress, cancellationToken).ConfigureAwait(false);
            }

            activity?.SetTag("luma.file.id", file.Id);
            if (file.State == FileState.Failed || file.State == FileState.Deleted)
            {
                throw new FileFailedException(file);
            }

            if (options.WaitUntilReady && file.State != FileState.Ready)
            {
                file = await _files.WaitCoreAsync(file.Id, file, options.Wait, cancellationToken).ConfigureAwait(false);
            }

            activity?.SetTag("luma.file.state", file.State.Value);
            return file;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            activity.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
    }

    private async Task<LumaFile> InlineOrFallbackAsync(UploadSource source, FileCreateRequest request, UploadProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            var created = await _files.CreateInlineAsync(request, source, progress, cancellationToken).ConfigureAwait(false);
            return created.File;
        }
        catch (LumaPayloadTooLargeException tooLarge)
        {
            // The API's inline cap is not documented: past it, the presigned flow takes any size up to 5 GiB.
            if (!source.CanStart)
            {
                tooLarge.AddAdvice("The stream cannot seek, so the SDK could not send it again through the presigned flow: lower FileUploadOptions.InlineLimit below its size to use that flow from the start.");
                throw;
            }

            FileLog.InlineTooLarge(_pipeline.Logger);
            return await PresignedAsync(source, request, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<LumaFile> PresignedAsync(UploadSource source, FileCreateRequest request, UploadProgress progress, CancellationToken cancellationToken)
    {
        for (var recreated = false; ; recreated = true)
        {
            var created = await _files.CreateCoreAsync(request, null, cancellationToken).ConfigureAwait(false);
            var fileId = created.Id;
            var upload = created.Upload
                ?? throw new LumaException($"POST /files answered for file {fileId} without an upload (a presigned URL) although the request was for the presigned flow; there is nowhere to send the bytes. Report this to Luma support with the file id.");
            var url = CheckUrl(upload, fileId);
            // Past by this machine's clock: a fresh one, once. If that one looks expired too, the clock here is more
            // likely wrong than the API; storage has the last word on the PUT.
            if (!recreated && upload.ExpiresAt is { } expiresAt && expiresAt <= _pipeline.Time.GetUtcNow())
            {
                FileLog.Recreating(_pipeline.Logger, fileId, "already past when the create answered");
                continue;
            }

            var outcome = await PutAsync(source, upload, url, fileId, progress, recreated, cancellationToken).ConfigureAwait(false);
            if (outcome == PutOutcome.Expired)
            {
                continue;
            }

            return await _files.CompleteCoreAsync(fileId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PutOutcome> PutAsync(UploadSource source, PresignedUpload upload, Uri url, string fileId, UploadProgress progress, bool recreated, CancellationToken cancellationToken)
    {
        FileLog.Putting(_pipeline.Logger, fileId, StorageClient.Redacted(url));
        var method = Method(upload, fileId);
        LumaException Fail(string message, HttpStatusCode? status, Exception? inner)
            => new LumaUploadException($"Could not upload the bytes of file {fileId}. {message}", fileId, status, inner);

        HttpRequestMessage Build(Uri target, IdleWatch watch)
        {
            var content = new UploadContent(source, watch, progress, fileId);
            var put = new HttpRequestMessage(method, target) { Content = content };
            foreach (var header in upload.Headers)
            {
                // Exactly the presigned headers: they are part of the signature. Content headers go on the content.
                if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!put.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    content.Headers.Remove(header.Key);
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return put;
        }

        var response = await _storage.UploadAsync(url, Build, default, BudgetName, Fail, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                progress.Sent(source.Length);
                return PutOutcome.Uploaded;
            }

            var status = (int)response.StatusCode;
            string? body = null;
            if (status == 403)
            {
                body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                var expired = upload.ExpiresAt <= _pipeline.Time.GetUtcNow() || (body?.IndexOf("expired", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;
                if (expired && !recreated)
                {
                    FileLog.Recreating(_pipeline.Logger, fileId, "storage answered 403");
                    return PutOutcome.Expired;
                }

                if (expired)
                {
                    throw Fail($"{StorageClient.Redacted(url)} refused it as expired (403), with a freshly created file too. Check this machine's clock, and that nothing holds the upload back between create and PUT.", response.StatusCode, null);
                }
            }

            var advice = status switch
            {
                403 => " The presigned request was refused (its signature or headers did not match). Uploading again creates a fresh one.",
                >= 500 => " Storage failed after the SDK's retries; uploading again may succeed.",
                _ => string.Empty,
            };
            throw Fail($"{StorageClient.Redacted(url)} answered {status} {response.ReasonPhrase}.{advice}", response.StatusCode, null);
        }
    }

    /// <summary>
    /// A storage error body, under the cap every error body is read with and within the client's attempt timeout;
    /// null if it cannot be read (it only decides whether the refusal was for expiry).
    /// </summary>
    private async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stop = _pipeline.Lifetime.Link(cancellationToken);
        using var limit = Clock.LinkWithTimeout(_pipeline.Time, _pipeline.Options.Timeout, stop.Token);
        try
        {
            return await ErrorBodies.ReadAsync(response, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException cancelled)
        {
            throw _pipeline.Lifetime.Translate(cancelled, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The method of the upload: <c>PUT</c> today; another well-formed one is used as given.</summary>
    private static HttpMethod Method(PresignedUpload upload, string fileId)
    {
        try
        {
            return string.Equals(upload.Method, "PUT", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Put : new HttpMethod(upload.Method.Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new LumaUploadException($"POST /files answered for file {fileId} with an upload method that is not an HTTP method ('{upload.Method}'). Report this to Luma support with the file id.", fileId, innerException: ex);
        }
    }

    private static Uri CheckUrl(PresignedUpload upload, string fileId)
    {
        if (upload.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        throw new LumaUploadException($"POST /files answered for file {fileId} with an upload URL that is not an absolute http(s) URL; there is nowhere to send the bytes. Report this to Luma support with the file id.", fileId);
    }

    private enum PutOutcome
    {
        Uploaded,
        Expired,
    }
}
