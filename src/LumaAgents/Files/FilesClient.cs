using System.Runtime.CompilerServices;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Uploads files once to reference them in many generations (<see cref="ImageRef.FromUploadedFile"/>), and lists,
/// reads and deletes them. Reached through <see cref="LumaClient.Files"/>.
/// <see cref="UploadAsync(string, FileUploadOptions, CancellationToken)"/> does the whole job: it picks the inline or
/// presigned flow by size, sends the bytes (streamed, never buffered whole), completes the file and waits until it is
/// ready. Every method is virtual so tests can substitute it; the protected constructor exists for that.
/// </summary>
public class FilesClient
{
    private const string OrphanAdvice = "The file record may have been created anyway; an orphan pending file is harmless (it is never completed and expires), so uploading again is safe.";

    private static readonly FileUploadOptions DefaultUploadOptions = new();

    private readonly LumaPipeline? _pipeline;
    private readonly FileUploader? _uploader;
    private readonly FileWaiter? _waiter;
    private readonly Uri? _filesUrl;

    /// <summary>
    /// For mocking frameworks and test doubles: a client with no connection. Override what you use; any other call
    /// throws <see cref="InvalidOperationException"/>.
    /// </summary>
    protected FilesClient()
    {
    }

    internal FilesClient(LumaPipeline pipeline, StorageClient storage)
    {
        _pipeline = pipeline;
        _filesUrl = pipeline.Url("files");
        _uploader = new FileUploader(this, pipeline, storage);
        _waiter = new FileWaiter(pipeline, (id, budget, ct) => ReadAsync(id, budget, ct));
    }

    private LumaPipeline Pipeline => _pipeline ?? throw NotConnected();

    private FileUploader Uploader => _uploader ?? throw NotConnected();

    private FileWaiter Waiter => _waiter ?? throw NotConnected();

    /// <summary>
    /// Uploads a local file and (by default) waits until it is ready to reference. Its size and media type come from
    /// the file (the media type from its extension, as for <see cref="ImageRef.FromFile"/>); its name is sent as
    /// <c>filename</c>. At or under <see cref="FileUploadOptions.InlineLimit"/> (8 MB) the bytes go inline in one
    /// multipart request; above it through a presigned URL, with no API key sent to storage.
    /// </summary>
    /// <param name="path">The file to upload: 1 byte to 5 GiB.</param>
    /// <param name="options">Purpose, expiry, user id, the inline limit, waiting and progress; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the upload (a file already created stays <c>pending</c> and expires unused).</param>
    /// <returns>The file: ready, or as created when <see cref="FileUploadOptions.WaitUntilReady"/> is false.</returns>
    /// <exception cref="LumaValidationException">No such file, an empty or over-5 GiB file, or a media type the extension does not tell; nothing was sent.</exception>
    /// <exception cref="FileFailedException">Ingest or moderation refused the file.</exception>
    /// <exception cref="LumaUploadException">Storage refused or broke off the bytes, or the file changed while it was read.</exception>
    /// <exception cref="LumaApiException">The API refused a call (see the subclass for the status).</exception>
    /// <exception cref="LumaTimeoutException">The file was not ready within <see cref="FileWaitOptions.Timeout"/> (2 minutes by default).</exception>
    public virtual async Task<LumaFile> UploadAsync(string path, FileUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        Pipeline.Lifetime.ThrowIfDisposed();
        options ??= DefaultUploadOptions;
        var errors = new List<LumaValidationError>();
        CheckOptions(options, errors);
        var fileName = FileNameOf(path);
        var mimeType = fileName is null ? null : MediaTypes.FromExtension(ExtensionOf(fileName));
        var stream = Open(path, errors);
        try
        {
            if (stream is not null)
            {
                FileRequestValidator.CheckMimeType(mimeType, fileName ?? path, errors);

                var size = stream.Length;
                FileRequestValidator.CheckSize(size, errors);
                if (options.SizeBytes is { } declared && declared != size)
                {
                    errors.Add(new("size_bytes", $"FileUploadOptions.SizeBytes is {declared} but '{fileName}' has {size} bytes; leave SizeBytes unset for a file"));
                }
            }

            if (errors.Count > 0)
            {
                throw new LumaValidationException(errors, "The upload");
            }

            var source = new UploadSource(stream!, stream!.Length);
            return await Uploader.UploadAsync(source, CreateRequest(source.Length, mimeType!, fileName!, options), options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stream?.Dispose();
        }
    }

    /// <summary>
    /// Uploads the bytes of a stream, from its current position to its end, and (by default) waits until the file is
    /// ready. Streamed, never buffered whole. A seekable stream's size is read from it; for one that cannot seek, give
    /// <see cref="FileUploadOptions.SizeBytes"/> (and it can then be sent only once: a failed attempt is not retried).
    /// The stream is not disposed.
    /// </summary>
    /// <param name="content">The bytes: 1 byte to 5 GiB.</param>
    /// <param name="fileName">The file's name, sent as <c>filename</c>, for example <c>photo.png</c>.</param>
    /// <param name="mimeType">The media type, for example <c>image/png</c>; empty to tell it from <paramref name="fileName"/>'s extension.</param>
    /// <param name="options">Purpose, expiry, user id, the inline limit, waiting and progress; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the upload (a file already created stays <c>pending</c> and expires unused).</param>
    /// <returns>The file: ready, or as created when <see cref="FileUploadOptions.WaitUntilReady"/> is false.</returns>
    /// <exception cref="LumaValidationException">The stream is unreadable, empty, over 5 GiB or of unknown size, or the media type is missing; nothing was sent.</exception>
    /// <exception cref="FileFailedException">Ingest or moderation refused the file.</exception>
    /// <exception cref="LumaUploadException">Storage refused or broke off the bytes, or the stream was not the size declared.</exception>
    /// <exception cref="LumaApiException">The API refused a call (see the subclass for the status).</exception>
    /// <exception cref="LumaTimeoutException">The file was not ready within <see cref="FileWaitOptions.Timeout"/> (2 minutes by default).</exception>
    public virtual Task<LumaFile> UploadAsync(Stream content, string fileName, string mimeType, FileUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (fileName is null)
        {
            throw new ArgumentNullException(nameof(fileName));
        }

        if (mimeType is null)
        {
            throw new ArgumentNullException(nameof(mimeType));
        }

        Pipeline.Lifetime.ThrowIfDisposed();
        options ??= DefaultUploadOptions;
        var errors = new List<LumaValidationError>();
        CheckOptions(options, errors);
        if (!content.CanRead)
        {
            errors.Add(new("content", "the stream cannot be read (it is write-only or disposed)"));
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            errors.Add(new("filename", "is empty; pass the file's name, for example photo.png"));
        }

        var inferred = string.IsNullOrWhiteSpace(mimeType);
        var type = inferred ? MediaTypes.FromExtension(ExtensionOf(fileName)) : mimeType.Trim();
        FileRequestValidator.CheckMimeType(type, inferred ? fileName : null, errors);

        var size = options.SizeBytes;
        if (content.CanRead && StreamSize(content) is { } remaining)
        {
            if (size is { } declared && declared != remaining)
            {
                errors.Add(new("size_bytes", $"FileUploadOptions.SizeBytes is {declared} but the stream holds {remaining} bytes from its position to its end"));
            }

            size = remaining;
        }

        if (size is { } known)
        {
            FileRequestValidator.CheckSize(known, errors);
        }
        else if (content.CanRead)
        {
            errors.Add(new("size_bytes", "is unknown: the stream cannot seek; pass FileUploadOptions.SizeBytes, the exact number of bytes it will yield"));
        }

        if (errors.Count > 0)
        {
            throw new LumaValidationException(errors, "The upload");
        }

        var source = new UploadSource(content, size!.Value);
        return Uploader.UploadAsync(source, CreateRequest(source.Length, type!, fileName, options), options, cancellationToken);
    }

    /// <summary>
    /// Creates a file record for the presigned flow (<c>POST /files</c>, JSON). The answer's
    /// <see cref="FileUpload.Upload"/> says where to <c>PUT</c> the raw bytes (with exactly its headers and no
    /// Authorization); then call <see cref="CompleteAsync(string, CancellationToken)"/>. Not retried where the record
    /// may have been made: an orphan <c>pending</c> file is harmless (it expires unused), so creating again is safe.
    /// </summary>
    /// <param name="request">The media type and exact size (required), and the optional fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LumaValidationException">The media type or size is missing or out of range; nothing was sent.</exception>
    /// <exception cref="LumaApiException">The API refused the request (see the subclass for the status).</exception>
    public virtual Task<FileUpload> CreateAsync(FileCreateRequest request, CancellationToken cancellationToken = default)
        => CreateAsync(request, null, cancellationToken);

    /// <summary>Creates a file record for the presigned flow, with overrides for this call.</summary>
    /// <param name="request">The media type and exact size (required), and the optional fields.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<FileUpload> CreateAsync(FileCreateRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => (await CreateWithResponseAsync(request, requestOptions, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="CreateAsync(FileCreateRequest, CancellationToken)"/>, with the response's status, headers and request id.</summary>
    /// <param name="request">The media type and exact size (required), and the optional fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<FileUpload>> CreateWithResponseAsync(FileCreateRequest request, CancellationToken cancellationToken = default)
        => CreateWithResponseAsync(request, null, cancellationToken);

    /// <summary>Like <see cref="CreateAsync(FileCreateRequest, RequestOptions, CancellationToken)"/>, with the whole response.</summary>
    /// <param name="request">The media type and exact size (required), and the optional fields.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<FileUpload>> CreateWithResponseAsync(FileCreateRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var pipeline = Pipeline;
        if (pipeline.Options.ValidateRequests)
        {
            var errors = FileRequestValidator.Validate(request);
            if (errors.Count > 0)
            {
                throw new LumaValidationException(errors, "The file request");
            }
        }

        return CreateCoreWithResponseAsync(request, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Tells the API a presigned upload's bytes are all there (<c>POST /files/{id}/complete</c>); ingest and
    /// moderation start, and the file becomes ready or failed (see <see cref="WaitUntilReadyAsync"/>). Idempotent, so
    /// retried like a read.
    /// </summary>
    /// <param name="fileId">The id from <see cref="CreateAsync(FileCreateRequest, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LumaValidationException">The id is empty or not an id; nothing was sent.</exception>
    /// <exception cref="LumaApiException">The API refused the call (see the subclass for the status).</exception>
    public virtual Task<LumaFile> CompleteAsync(string fileId, CancellationToken cancellationToken = default)
        => CompleteAsync(fileId, null, cancellationToken);

    /// <summary>Completes a presigned upload, with overrides for this call.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<LumaFile> CompleteAsync(string fileId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => (await CompleteWithResponseAsync(fileId, requestOptions, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="CompleteAsync(string, CancellationToken)"/>, with the response's status, headers and request id.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<LumaFile>> CompleteWithResponseAsync(string fileId, CancellationToken cancellationToken = default)
        => CompleteWithResponseAsync(fileId, null, cancellationToken);

    /// <summary>Like <see cref="CompleteAsync(string, RequestOptions, CancellationToken)"/>, with the whole response.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<LumaFile>> CompleteWithResponseAsync(string fileId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => CompleteCoreWithResponseAsync(fileId, requestOptions, cancellationToken);

    /// <summary>Reads a file (<c>GET /files/{id}</c>).</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LumaValidationException">The id is empty or not an id; nothing was sent.</exception>
    /// <exception cref="LumaNotFoundException">No such file for this account.</exception>
    public virtual Task<LumaFile> GetAsync(string fileId, CancellationToken cancellationToken = default)
        => GetAsync(fileId, null, cancellationToken);

    /// <summary>Reads a file, with overrides for this call.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<LumaFile> GetAsync(string fileId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => (await GetWithResponseAsync(fileId, requestOptions, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="GetAsync(string, CancellationToken)"/>, with the response's status, headers and request id.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<LumaFile>> GetWithResponseAsync(string fileId, CancellationToken cancellationToken = default)
        => GetWithResponseAsync(fileId, null, cancellationToken);

    /// <summary>Like <see cref="GetAsync(string, RequestOptions, CancellationToken)"/>, with the whole response.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<LumaFile>> GetWithResponseAsync(string fileId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => ReadWithResponseAsync(fileId, requestOptions, default, cancellationToken);

    /// <summary>
    /// Deletes a file (<c>DELETE /files/{id}</c>, a soft delete): it can no longer be referenced, and generations that
    /// name it are refused. A retry answered 404 counts as done (the first attempt deleted it).
    /// </summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LumaValidationException">The id is empty or not an id; nothing was sent.</exception>
    /// <exception cref="LumaNotFoundException">No such file for this account (on the first attempt).</exception>
    public virtual Task DeleteAsync(string fileId, CancellationToken cancellationToken = default)
        => DeleteAsync(fileId, null, cancellationToken);

    /// <summary>Deletes a file, with overrides for this call.</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteAsync(string fileId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var url = FileUrl(fileId, string.Empty);
        var call = new ApiCall(ApiOperation.DeleteFile, HttpMethod.Delete, url)
        {
            Accept = "*/*",
            Options = requestOptions,
            NotFoundAfterRetryIsSuccess = true,
        };
        return Pipeline.SendAsync(call, new NoContentReader(), cancellationToken);
    }

    /// <summary>
    /// Lists files newest first, across every page: the next page is fetched (with the previous page's
    /// <c>next_cursor</c>) as the enumeration reaches it. Stop enumerating to stop fetching.
    /// </summary>
    /// <param name="options">Filters (purpose, state), the page size and a starting cursor; null for all files.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="LumaValidationException">The page size is out of range; nothing was sent.</exception>
    /// <example><code>await foreach (var file in client.Files.ListAsync(new FileListOptions { State = FileState.Ready })) { … }</code></example>
    public virtual IAsyncEnumerable<LumaFile> ListAsync(FileListOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckList(options);
        return ListAllAsync(options ?? new FileListOptions(), cancellationToken);
    }

    /// <summary>Reads one page of files (<c>GET /files</c>), newest first; pass its <see cref="FileListPage.NextCursor"/> as the next <see cref="FileListOptions.Cursor"/>.</summary>
    /// <param name="options">Filters (purpose, state), the page size and the cursor; null for the first page of all files.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LumaValidationException">The page size is out of range; nothing was sent.</exception>
    public virtual Task<FileListPage> ListPageAsync(FileListOptions? options = null, CancellationToken cancellationToken = default)
        => ListPageAsync(options, null, cancellationToken);

    /// <summary>Reads one page of files, with overrides for this call.</summary>
    /// <param name="options">Filters, the page size and the cursor, or null.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<FileListPage> ListPageAsync(FileListOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => (await ListPageWithResponseAsync(options, requestOptions, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="ListPageAsync(FileListOptions, CancellationToken)"/>, with the response's status, headers and request id.</summary>
    /// <param name="options">Filters, the page size and the cursor, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<FileListPage>> ListPageWithResponseAsync(FileListOptions? options = null, CancellationToken cancellationToken = default)
        => ListPageWithResponseAsync(options, null, cancellationToken);

    /// <summary>Like <see cref="ListPageAsync(FileListOptions, RequestOptions, CancellationToken)"/>, with the whole response.</summary>
    /// <param name="options">Filters, the page size and the cursor, or null.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<FileListPage>> ListPageWithResponseAsync(FileListOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        CheckList(options);
        return ListPageCoreAsync(options, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Waits until a file is ready, polling it every <see cref="FileWaitOptions.PollInterval"/> (1 s) for at most
    /// <see cref="FileWaitOptions.Timeout"/> (2 minutes). Transient read failures do not end the wait; the client's
    /// Dispose does. Stopping the wait does not stop ingest.
    /// </summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="options">Poll interval and deadline, or null for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting at once.</param>
    /// <returns>The ready file.</returns>
    /// <exception cref="FileFailedException">The file failed ingest or was deleted.</exception>
    /// <exception cref="LumaTimeoutException">The deadline passed; ingest goes on, wait again later.</exception>
    /// <exception cref="LumaNotFoundException">No such file for this account.</exception>
    public virtual Task<LumaFile> WaitUntilReadyAsync(string fileId, FileWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ResourceIds.ToPathSegment(fileId, "file_id");
        var waiter = Waiter;
        FileWaiter.Resolve(options);
        return waiter.WaitAsync(fileId, null, options, cancellationToken);
    }

    /// <summary>What a mock-constructed <see cref="LumaClient"/> hands out: every call says it is not connected.</summary>
    internal static FilesClient Unconnected() => new UnconnectedFilesClient();

    /// <summary>The JSON create, without the request checks (the upload made its own).</summary>
    internal async Task<FileUpload> CreateCoreAsync(FileCreateRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken)
        => (await CreateCoreWithResponseAsync(request, requestOptions, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// The multipart create: the bytes inline, a fresh body per attempt (the source is rewound or refuses). Like the
    /// presigned PUT, it is limited by an idle watch rather than the attempt timeout, which would cut a large body on
    /// a slow link short: the body touches the watch as its bytes go out, and after the last one the watch is the
    /// limit for the answer. The pipeline sees the watch as the call's token; its expiry becomes a typed timeout here.
    /// </summary>
    internal async Task<FileUpload> CreateInlineAsync(FileCreateRequest request, UploadSource source, UploadProgress progress, CancellationToken cancellationToken)
    {
        var pipeline = Pipeline;
        var idle = pipeline.Options.Timeout;
        using var watch = new IdleWatch(pipeline.Time, idle, total: null, cancellationToken, pipeline.Lifetime.Token);
        var call = new ApiCall(ApiOperation.CreateFile, HttpMethod.Post, _filesUrl!)
        {
            ContentFactory = () => InlineUploadContent.Create(request, source, progress, watch),
            Options = new RequestOptions { Timeout = Timeout.InfiniteTimeSpan },
        };
        try
        {
            return (await pipeline.SendAsync(call, new JsonReader<FileUpload>(LumaJsonContext.Default.FileUpload), watch.Token).ConfigureAwait(false)).Value;
        }
        catch (LumaConnectionException broken) when (UploadFailure(broken) is { } own)
        {
            // The content's own verdict (a stream that ended early or cannot be resent), not the network's.
            throw own;
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested && pipeline.Lifetime.IsDisposed)
        {
            throw pipeline.Lifetime.Disposed(cancelled);
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested && watch.Stalled)
        {
            var error = new LumaTimeoutException(
                $"POST {_filesUrl!.AbsolutePath} (an inline upload) made no progress for {idle.TotalSeconds:0.###} s: the server took no bytes, or gave no answer after the last one. "
                + "Raise LumaClientOptions.Timeout if the network is slow.",
                idle,
                cancelled);
            error.AddAdvice(OrphanAdvice);
            throw error;
        }
    }

    internal async Task<LumaFile> CompleteCoreAsync(string fileId, CancellationToken cancellationToken)
        => (await CompleteCoreWithResponseAsync(fileId, null, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Waits for a file the caller has just read (the first poll one interval later).</summary>
    internal Task<LumaFile> WaitCoreAsync(string fileId, LumaFile known, FileWaitOptions? options, CancellationToken cancellationToken)
        => Waiter.WaitAsync(fileId, known, options, cancellationToken);

    private Task<LumaResponse<FileUpload>> CreateCoreWithResponseAsync(FileCreateRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var call = new ApiCall(ApiOperation.CreateFile, HttpMethod.Post, _filesUrl!)
        {
            Content = LumaPipeline.JsonContent(request, LumaJsonContext.Default.FileCreateRequest),
            Options = requestOptions,
        };
        return Pipeline.SendAsync(call, new JsonReader<FileUpload>(LumaJsonContext.Default.FileUpload), cancellationToken);
    }

    private Task<LumaResponse<LumaFile>> CompleteCoreWithResponseAsync(string fileId, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var call = new ApiCall(ApiOperation.CompleteFile, HttpMethod.Post, FileUrl(fileId, "/complete")) { Options = requestOptions };
        return Pipeline.SendAsync(call, new JsonReader<LumaFile>(LumaJsonContext.Default.LumaFile), cancellationToken);
    }

    private Task<LumaResponse<LumaFile>> ReadWithResponseAsync(string fileId, RequestOptions? requestOptions, CallBudget budget, CancellationToken cancellationToken)
    {
        var call = new ApiCall(ApiOperation.GetFile, HttpMethod.Get, FileUrl(fileId, string.Empty)) { Options = requestOptions, Budget = budget };
        return Pipeline.SendAsync(call, new JsonReader<LumaFile>(LumaJsonContext.Default.LumaFile), cancellationToken);
    }

    private async Task<LumaFile> ReadAsync(string fileId, CallBudget budget, CancellationToken cancellationToken)
        => (await ReadWithResponseAsync(fileId, null, budget, cancellationToken).ConfigureAwait(false)).Value;

    private Task<LumaResponse<FileListPage>> ListPageCoreAsync(FileListOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var pipeline = Pipeline;
        var call = new ApiCall(ApiOperation.ListFiles, HttpMethod.Get, pipeline.Url("files" + Query(options))) { Options = requestOptions };
        return pipeline.SendAsync(call, new JsonReader<FileListPage>(LumaJsonContext.Default.FileListPage), cancellationToken);
    }

    private async IAsyncEnumerable<LumaFile> ListAllAsync(FileListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A server that hands back a cursor it already gave would otherwise be listed forever.
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        var page = options;
        while (true)
        {
            var result = (await ListPageCoreAsync(page, null, cancellationToken).ConfigureAwait(false)).Value;
            foreach (var file in result.Data)
            {
                yield return file;
            }

            if (!result.HasMore || string.IsNullOrEmpty(result.NextCursor))
            {
                yield break;
            }

            if (!cursors.Add(result.NextCursor!))
            {
                throw new LumaException(
                    $"GET /files answered a next_cursor it had already given, after {cursors.Count} pages; the listing stopped rather than repeat the same files forever. Report this to Luma support.");
            }

            page = page with { Cursor = result.NextCursor };
        }
    }

    private void CheckList(FileListOptions? options)
    {
        if (Pipeline.Options.ValidateRequests)
        {
            var errors = FileRequestValidator.Validate(options);
            if (errors.Count > 0)
            {
                throw new LumaValidationException(errors, "The file listing");
            }
        }
    }

    private Uri FileUrl(string fileId, string suffix) => Pipeline.Url("files/" + ResourceIds.ToPathSegment(fileId, "file_id") + suffix);

    private static string Query(FileListOptions? options)
    {
        if (options is null)
        {
            return string.Empty;
        }

        var parts = new List<string>(4);
        if (options.Cursor is { } cursor)
        {
            parts.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        if (options.Limit is { } limit)
        {
            parts.Add("limit=" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (options.Purpose is { } purpose)
        {
            parts.Add("purpose=" + Uri.EscapeDataString(purpose.Value));
        }

        if (options.State is { } state)
        {
            parts.Add("state=" + Uri.EscapeDataString(state.Value));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }

    private static void CheckOptions(FileUploadOptions options, List<LumaValidationError> errors)
    {
        if (options.InlineLimit < 0)
        {
            errors.Add(new("InlineLimit", $"is {options.InlineLimit}; use 0 to always upload through a presigned URL, or a size in bytes"));
        }

        if (options.WaitUntilReady)
        {
            try
            {
                FileWaiter.Resolve(options.Wait);
            }
            catch (LumaValidationException invalid)
            {
                errors.AddRange(invalid.Errors);
            }
        }
    }

    private static FileCreateRequest CreateRequest(long size, string mimeType, string fileName, FileUploadOptions options) => new()
    {
        MimeType = mimeType,
        SizeBytes = size,
        FileName = fileName,
        ExpiresAt = options.ExpiresAt,
        Purpose = options.Purpose,
        UserId = options.UserId,
    };

    /// <summary>Opens a file to upload; a path that names no readable file is a validation problem (nothing was sent).</summary>
    private static FileStream? Open(string path, List<LumaValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add(new("path", "is empty; pass the path of the file to upload"));
            return null;
        }

        try
        {
            // No FileStream buffer: the upload reads in chunks of its own.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Add(new("path", $"no file at '{path}'"));
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            errors.Add(new("path", $"'{path}' is a directory; pass the path of a file"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new("path", $"'{path}' cannot be read: {ex.Message}"));
        }

        return null;
    }

    private static string? FileNameOf(string path)
    {
        try
        {
            var name = Path.GetFileName(path);
            return string.IsNullOrEmpty(name) ? null : name;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? ExtensionOf(string fileName)
    {
        try
        {
            return Path.GetExtension(fileName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The bytes from a seekable stream's position to its end, or null when it cannot tell.</summary>
    private static long? StreamSize(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        try
        {
            var left = stream.Length - stream.Position;
            return left < 0 ? 0 : left;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static LumaUploadException? UploadFailure(Exception error)
    {
        for (var e = error.InnerException; e is not null; e = e.InnerException)
        {
            if (e is LumaUploadException own)
            {
                return own;
            }
        }

        return null;
    }

    private static InvalidOperationException NotConnected()
        => new("This FilesClient was made with the protected constructor, for mocking: it has no connection. Override the methods your test uses.");

    private sealed class UnconnectedFilesClient : FilesClient
    {
    }
}
