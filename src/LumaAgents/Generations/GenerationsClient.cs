using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Creates and reads generations. Reached through <see cref="LumaClient.Generations"/>. Every method is virtual so
/// tests can substitute it; the protected constructor exists for that.
/// </summary>
public class GenerationsClient
{
    private readonly LumaPipeline _pipeline;

    /// <summary>For mocking frameworks and test doubles: a client with no connection. Override what you use.</summary>
    protected GenerationsClient()
    {
        _pipeline = null!;
    }

    internal GenerationsClient(LumaPipeline pipeline)
    {
        _pipeline = pipeline;
    }

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
    public virtual async Task<Generation> CreateAsync(GenerationRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => (await CreateWithResponseAsync(request, requestOptions, cancellationToken).ConfigureAwait(false)).Value;

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
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (_pipeline.Settings.Options.ValidateRequests)
        {
            var errors = GenerationRequestValidator.Validate(request);
            if (errors.Count > 0)
            {
                throw new LumaValidationException(errors);
            }
        }

        var content = LumaPipeline.JsonContent(request, LumaJsonContext.Default.GenerationRequest);
        return _pipeline.SendAsync(HttpMethod.Post, "generations", content, LumaJsonContext.Default.Generation, isCreate: true, requestOptions, cancellationToken);
    }

    /// <summary>Reads a generation (<c>GET /generations/{id}</c>). Each read mints fresh output URLs.</summary>
    /// <param name="generationId">The id from <see cref="CreateAsync(GenerationRequest, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or not an id; nothing was sent.</exception>
    /// <exception cref="LumaNotFoundException">No such generation for this account.</exception>
    public virtual Task<Generation> GetAsync(string generationId, CancellationToken cancellationToken = default)
        => GetAsync(generationId, null, cancellationToken);

    /// <summary>Reads a generation, with overrides for this call.</summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="requestOptions">Timeouts, retries and headers for this call, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Generation> GetAsync(string generationId, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
        => (await GetWithResponseAsync(generationId, requestOptions, cancellationToken).ConfigureAwait(false)).Value;

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
        var segment = GenerationIds.ToPathSegment(generationId, nameof(generationId));
        return _pipeline.SendAsync(HttpMethod.Get, "generations/" + segment, content: null, LumaJsonContext.Default.Generation, isCreate: false, requestOptions, cancellationToken);
    }
}
