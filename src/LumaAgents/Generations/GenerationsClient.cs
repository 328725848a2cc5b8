using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Creates and reads generations. Reached through <see cref="LumaClient.Generations"/>. Every method is virtual so
/// tests can substitute it; the protected constructor exists for that.
/// </summary>
public class GenerationsClient
{
    private readonly LumaPipeline? _pipeline;
    private readonly GenerationWaiter? _waiter;
    private readonly OutputDownloader? _downloader;
    private readonly Uri? _generationsUrl;

    /// <summary>
    /// For mocking frameworks and test doubles: a client with no connection. Override what you use; any other call
    /// throws <see cref="InvalidOperationException"/>.
    /// </summary>
    protected GenerationsClient()
    {
    }

    internal GenerationsClient(LumaPipeline pipeline, StorageClient storage)
    {
        _pipeline = pipeline;
        _generationsUrl = pipeline.Url("generations");
        _waiter = new GenerationWaiter(pipeline, (id, budget, ct) => ReadAsync(id, null, budget, ct));
        _downloader = new OutputDownloader(storage, pipeline, (id, ct) => ReadAsync(id, null, default, ct));
    }

    private LumaPipeline Pipeline => _pipeline ?? throw NotConnected();

    /// <summary>
    /// Starts a generation (<c>POST /generations</c>). The generation comes back <c>queued</c>; wait for it with
    /// <c>WaitForCompletionAsync</c> or poll <see cref="GetAsync(string, CancellationToken)"/>. Retried only where
    /// the job surely was not created (see <see cref="RetryOptions"/>).
    /// </summary>
    /// <param name="request">What to generate.</param>
    /// <param name="cancellationToken">Cancels the call (the job may still have been created).</param>
    /// <exception cref="LumaValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="LumaApiException">The API refused the request (see the subclass for the status).</exception>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
        => CreateAsync(request, null, cancellationToken);

    /// <summary>Starts a generation, with overrides for this call.</summary>
    /// <param name="request">What to generate.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call (the job may still have been created).</param>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => Pipeline.SendForValueAsync(CreateCall(request, requestOptions), new JsonReader<Generation>(LumaJsonContext.Default.Generation), cancellationToken);

    /// <summary>Like <see cref="CreateAsync(GenerationRequest, CancellationToken)"/>, with the response's status, headers, request id and rate limits.</summary>
    /// <param name="request">What to generate.</param>
    /// <param name="cancellationToken">Cancels the call (the job may still have been created).</param>
    public virtual Task<LumaResponse<Generation>> CreateWithResponseAsync(GenerationRequest request, CancellationToken cancellationToken = default)
        => CreateWithResponseAsync(request, null, cancellationToken);

    /// <summary>Like <see cref="CreateAsync(GenerationRequest, RequestOptions, CancellationToken)"/>, with the whole response.</summary>
    /// <param name="request">What to generate.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call (the job may still have been created).</param>
    public virtual Task<LumaResponse<Generation>> CreateWithResponseAsync(GenerationRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => Pipeline.SendAsync(CreateCall(request, requestOptions), new JsonReader<Generation>(LumaJsonContext.Default.Generation), cancellationToken);

    /// <summary>The create, checked against the documented rules first: nothing invalid is ever sent (or billed).</summary>
    private ApiCall CreateCall(GenerationRequest request, RequestOptions? requestOptions)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var pipeline = Pipeline;
        if (pipeline.Options.ValidateRequests)
        {
            var errors = GenerationRequestValidator.Validate(request);
            if (errors.Count > 0)
            {
                throw new LumaValidationException(errors, "The generation request");
            }
        }

        return new ApiCall(ApiOperation.CreateGeneration, HttpMethod.Post, _generationsUrl!)
        {
            Content = LumaPipeline.JsonContent(request, LumaJsonContext.Default.GenerationRequest),
            Options = requestOptions,
        };
    }

    /// <summary>Reads a generation (<c>GET /generations/{id}</c>). Each read mints fresh output URLs.</summary>
    /// <param name="generationId">The id from <see cref="CreateAsync(GenerationRequest, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LumaValidationException">The id is empty or not an id; nothing was sent.</exception>
    /// <exception cref="LumaNotFoundException">No such generation for this account.</exception>
    public virtual Task<Generation> GetAsync(string generationId, CancellationToken cancellationToken = default)
        => GetAsync(generationId, null, cancellationToken);

    /// <summary>Reads a generation, with overrides for this call.</summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Generation> GetAsync(string generationId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => ReadAsync(generationId, requestOptions, default, cancellationToken);

    /// <summary>Like <see cref="GetAsync(string, CancellationToken)"/>, with the response's status, headers and request id.</summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<Generation>> GetWithResponseAsync(string generationId, CancellationToken cancellationToken = default)
        => GetWithResponseAsync(generationId, null, cancellationToken);

    /// <summary>Like <see cref="GetAsync(string, RequestOptions, CancellationToken)"/>, with the whole response.</summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LumaResponse<Generation>> GetWithResponseAsync(string generationId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var pipeline = Pipeline;
        return pipeline.SendAsync(ReadCall(pipeline, generationId, requestOptions, default), new JsonReader<Generation>(LumaJsonContext.Default.Generation), cancellationToken);
    }

    /// <summary>One read: what GetAsync and every poll of a wait (within its budget) send.</summary>
    private static ApiCall ReadCall(LumaPipeline pipeline, string generationId, RequestOptions? requestOptions, CallBudget budget)
        => new(ApiOperation.GetGeneration, HttpMethod.Get, pipeline.Url("generations/" + ResourceIds.ToPathSegment(generationId, "generation_id")))
        {
            Options = requestOptions,
            Budget = budget,
        };

    private Task<Generation> ReadAsync(string generationId, RequestOptions? requestOptions, CallBudget budget, CancellationToken cancellationToken)
    {
        var pipeline = Pipeline;
        return pipeline.SendForValueAsync(ReadCall(pipeline, generationId, requestOptions, budget), new JsonReader<Generation>(LumaJsonContext.Default.Generation), cancellationToken);
    }

    /// <summary>
    /// Waits until a generation is completed or failed, polling it: the first read no earlier than
    /// <see cref="WaitOptions.InitialDelay"/> after it was created, then every <see cref="WaitOptions.PollInterval"/>.
    /// Transient read failures do not end the wait; 401, 403 and 404 do. Stopping the wait does not stop the job.
    /// </summary>
    /// <param name="generation">The generation, as returned by <see cref="CreateAsync(GenerationRequest, CancellationToken)"/>.</param>
    /// <param name="waitOptions">Polling and deadline overrides, or null for the defaults of the generation's type.</param>
    /// <param name="progress">Told the generation on every state change, or null.</param>
    /// <param name="cancellationToken">Stops waiting at once.</param>
    /// <returns>The completed generation (or the failed one when <see cref="WaitOptions.ThrowOnFailure"/> is false).</returns>
    /// <exception cref="GenerationFailedException">The generation failed.</exception>
    /// <exception cref="GenerationTimeoutException">The deadline passed; the job goes on, wait again later by id.</exception>
    public virtual Task<Generation> WaitForCompletionAsync(
        Generation generation, WaitOptions? waitOptions = null, IProgress<Generation>? progress = null, CancellationToken cancellationToken = default)
    {
        if (generation is null)
        {
            throw new ArgumentNullException(nameof(generation));
        }

        ResourceIds.ToPathSegment(generation.Id, "generation.id");
        return Waiter.WaitAsync(generation.Id, generation, waitOptions, progress, cancellationToken);
    }

    /// <summary>
    /// Waits until the generation with this id is completed or failed; the first read happens at once (this is
    /// how to resume a wait, from this or another process).
    /// </summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="waitOptions">Polling and deadline overrides, or null for the defaults of the generation's type.</param>
    /// <param name="progress">Told the generation on every state change, or null.</param>
    /// <param name="cancellationToken">Stops waiting at once.</param>
    /// <returns>The completed generation (or the failed one when <see cref="WaitOptions.ThrowOnFailure"/> is false).</returns>
    /// <exception cref="GenerationFailedException">The generation failed.</exception>
    /// <exception cref="GenerationTimeoutException">The deadline passed; the job goes on, wait again later.</exception>
    public virtual Task<Generation> WaitForCompletionAsync(
        string generationId, WaitOptions? waitOptions = null, IProgress<Generation>? progress = null, CancellationToken cancellationToken = default)
    {
        ResourceIds.ToPathSegment(generationId, "generation_id");
        return Waiter.WaitAsync(generationId, known: null, waitOptions, progress, cancellationToken);
    }

    /// <summary>
    /// Creates a generation and waits for it. With <see cref="LumaClientOptions.MaxConcurrentJobs"/> set, waits
    /// first for one of this client's running jobs to finish rather than collecting concurrent-jobs 429s.
    /// </summary>
    /// <param name="request">What to generate.</param>
    /// <param name="waitOptions">Polling and deadline overrides, or null for the defaults of the request's type.</param>
    /// <param name="progress">Told the generation on every state change, or null.</param>
    /// <param name="cancellationToken">Stops waiting at once (the job itself goes on once created).</param>
    /// <returns>The completed generation (or the failed one when <see cref="WaitOptions.ThrowOnFailure"/> is false).</returns>
    public virtual async Task<Generation> CreateAndWaitAsync(
        GenerationRequest request, WaitOptions? waitOptions = null, IProgress<Generation>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var pipeline = Pipeline;
        pipeline.Lifetime.ThrowIfDisposed();
        IJobSlot slot;
        using (var stop = pipeline.Lifetime.Link(cancellationToken))
        {
            try
            {
                slot = await pipeline.Coordinator.AcquireJobSlotAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException cancelled)
            {
                throw pipeline.Lifetime.Translate(cancelled, cancellationToken);
            }
        }

        try
        {
            var created = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            await slot.BindAsync(created.Id).ConfigureAwait(false);
            return await WaitForCompletionAsync(created, waitOptions, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await slot.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Streams one output of a completed generation into <paramref name="destination"/>, without the API key and
    /// without buffering it whole. An expired URL is refreshed once by reading the generation again.
    /// </summary>
    /// <param name="generation">A completed generation.</param>
    /// <param name="outputIndex">Which output (0 for the first).</param>
    /// <param name="destination">Where the bytes go; not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="LumaValidationException">The generation is not completed or has no such output; nothing was fetched.</exception>
    /// <exception cref="LumaDownloadException">The storage host refused or broke off the download.</exception>
    public virtual async Task DownloadAsync(Generation generation, int outputIndex, Stream destination, CancellationToken cancellationToken = default)
    {
        if (generation is null)
        {
            throw new ArgumentNullException(nameof(generation));
        }

        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (!destination.CanWrite)
        {
            throw new LumaValidationException([new LumaValidationError("destination", "the stream is not writable")], "The download");
        }

        await Downloader.DownloadAsync(generation, outputIndex, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves every output of a completed generation into <paramref name="directory"/> (created if missing) as
    /// <c>{id}_{index}.{ext}</c>, the extension from the served content type. An existing file is never
    /// overwritten: the new one gets a <c>-2</c>, <c>-3</c>… suffix.
    /// </summary>
    /// <param name="generation">A completed generation.</param>
    /// <param name="directory">The folder to save into.</param>
    /// <param name="cancellationToken">Cancels the downloads; a partial file is removed.</param>
    /// <returns>The full paths of the saved files, in output order.</returns>
    public virtual Task<IReadOnlyList<string>> SaveOutputsAsync(Generation generation, string directory, CancellationToken cancellationToken = default)
        => OutputFiles.SaveAsync(Downloader, generation, directory, cancellationToken);

    /// <summary>
    /// Saves one output of a completed generation into <paramref name="directory"/> (created if missing), named as
    /// <see cref="SaveOutputsAsync"/> names it: <c>{id}_{index}.{ext}</c> from the served content type, never
    /// overwriting an existing file.
    /// </summary>
    /// <param name="generation">A completed generation.</param>
    /// <param name="outputIndex">Which output, from 0.</param>
    /// <param name="directory">The folder to save into.</param>
    /// <param name="cancellationToken">Cancels the download; a partial file is removed.</param>
    /// <returns>The full path of the saved file.</returns>
    /// <exception cref="LumaDownloadException">No such output, the download failed, or the file could not be written.</exception>
    public virtual Task<string> SaveOutputAsync(Generation generation, int outputIndex, string directory, CancellationToken cancellationToken = default)
        => OutputFiles.SaveAsync(Downloader, generation, outputIndex, directory, cancellationToken);

    private GenerationWaiter Waiter => _waiter ?? throw NotConnected();

    private OutputDownloader Downloader => _downloader ?? throw NotConnected();

    /// <summary>What a mock-constructed <see cref="LumaClient"/> hands out: every call says it is not connected.</summary>
    internal static GenerationsClient Unconnected() => new UnconnectedGenerationsClient();

    private static InvalidOperationException NotConnected()
        => new("This GenerationsClient was made with the protected constructor, for mocking: it has no connection. Override the methods your test uses.");

    private sealed class UnconnectedGenerationsClient : GenerationsClient
    {
    }
}
