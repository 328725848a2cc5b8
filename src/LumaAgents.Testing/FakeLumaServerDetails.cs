namespace LumaAgents.Testing;

/// <summary>
/// The exact <c>detail</c> texts a <see cref="FakeLumaServer"/> answers with, so tests can assert them without copying
/// strings. Validation details are built as <c>"{json path}: {message}"</c>, e.g. <c>image_ref[0]: …</c>.
/// </summary>
public static class FakeLumaServerDetails
{
    /// <summary>401: no <c>Authorization</c> header (or an empty one).</summary>
    public const string MissingApiKey = "Missing API key";

    /// <summary>401: the header is not <c>Bearer &lt;key&gt;</c> (the scheme is case-sensitive).</summary>
    public const string MalformedAuthorizationHeader = "Invalid authorization header: expected 'Bearer <api_key>'";

    /// <summary>401: a well-formed key the server does not know.</summary>
    public const string InvalidApiKey = "Invalid API key";

    /// <summary>401: a key that was revoked or has expired.</summary>
    public const string RevokedApiKey = "API key has been revoked or has expired";

    /// <summary>404: no route matches the path.</summary>
    public const string NotFound = "Not Found";

    /// <summary>405: the path exists but not for this method.</summary>
    public const string MethodNotAllowed = "Method Not Allowed";

    /// <summary>404: an unknown generation id, or an id that is not a UUID.</summary>
    public const string GenerationNotFound = "Generation not found";

    /// <summary>429: the requests-per-minute limit (with a computed <c>Retry-After</c> and <c>X-RateLimit-*</c> headers).</summary>
    public const string RateLimitExceeded = "Rate limit exceeded";

    /// <summary>429: the concurrent-jobs limit (with <c>Retry-After: 60</c> and no rate-limit headers).</summary>
    public const string TooManyConcurrentJobs = "Too many concurrent jobs";

    /// <summary>429: the API-wide abuse ceiling (with only <c>Retry-After</c>).</summary>
    public const string TooManyRequests = "Too many requests";

    /// <summary>400: the body is not JSON.</summary>
    public const string InvalidJson = "Request body is not valid JSON";

    /// <summary>400: the body is JSON but not an object.</summary>
    public const string BodyNotAnObject = "Request body must be a JSON object";

    /// <summary>413: the body is larger than <see cref="FakeLumaServerOptions.MaxBodyBytes"/>.</summary>
    public const string RequestBodyTooLarge = "Request body too large";

    /// <summary>400: the prompt is missing.</summary>
    public const string PromptRequired = "prompt: Field required";

    /// <summary>400: the prompt is empty.</summary>
    public const string PromptEmpty = "prompt: String should have at least 1 character";

    /// <summary>400: the prompt is longer than 6000 characters.</summary>
    public const string PromptTooLong = "prompt: String should have at most 6000 characters";

    /// <summary>400: a layering prompt is longer than 500 characters.</summary>
    public const string LayeringPromptTooLong = "prompt: String should have at most 500 characters";

    /// <summary>400: an unknown model.</summary>
    public const string UnknownModel = "model: Input should be 'uni-1', 'uni-1-max' or 'ray-3.2'";

    /// <summary>400: an unknown generation type.</summary>
    public const string UnknownType = "type: Input should be 'image', 'image_edit', 'video', 'video_edit', 'video_reframe' or 'layering'";

    /// <summary>400: more than nine <c>image_ref</c> entries for an image.</summary>
    public const string TooManyImageRefs = "image_ref: List should have at most 9 items";

    /// <summary>The message after <c>{path}: </c> when an ImageRef sets none or several of its sources.</summary>
    public const string ImageRefNeedsExactlyOneSource = "Exactly one of 'url', 'data', 'generation_id' or 'file_id' must be set";

    /// <summary>The message after <c>{path}.media_type: </c> when <c>data</c> comes without a media type.</summary>
    public const string MediaTypeRequiredWithData = "Field required when 'data' is set";

    /// <summary>The message after <c>{path}.url: </c> (422) when a URL is not a public https URL.</summary>
    public const string CouldNotFetchUrl = "Could not fetch media from URL: only public https URLs are supported";

    /// <summary>The message after <c>{path}.generation_id: </c> (422) when the referenced generation is unknown.</summary>
    public const string ReferencedGenerationNotFound = "Referenced generation not found";

    /// <summary>404: an unknown file id, another key's file, or a second delete.</summary>
    public const string FileNotFound = "File not found";

    /// <summary>400: completing a deleted (or expired) file.</summary>
    public const string FileDeleted = "File has been deleted";

    /// <summary>400: completing a presigned file whose bytes were never PUT.</summary>
    public const string FileNotUploaded = "File content has not been uploaded: PUT the bytes to upload.url with upload.headers first";

    /// <summary>413: an inline (multipart) upload larger than <see cref="FakeLumaServerOptions.FileInlineMaxBytes"/>.</summary>
    public const string InlineFileTooLarge = "File too large for an inline upload: create the file with JSON and PUT the bytes to the presigned upload URL";

    /// <summary>The <c>failure_reason</c> of a file whose name contains <c>[fail]</c>.</summary>
    public const string FileIngestFailed = "The file could not be processed: it may be corrupt or in an unsupported format.";

    /// <summary>The message after <c>{path}.file_id: </c> (400) for an unknown file or another key's file.</summary>
    public const string ReferencedFileNotFound = "file not found";

    /// <summary>The message after <c>{path}.file_id: </c> (400) for a deleted or expired file.</summary>
    public const string ReferencedFileDeleted = "file has been deleted";

    /// <summary>The message after <c>{path}.file_id: </c> (400) for a file not yet <c>ready</c>, followed by its state, e.g. <c>file is not ready (state 'pending')</c>.</summary>
    public const string ReferencedFileNotReady = "file is not ready";

    /// <summary>
    /// The <c>failure_reason</c> the server reports for a failure code when an outcome names none: realistic texts
    /// for the documented codes, a generic text for any other code.
    /// </summary>
    /// <param name="failureCode">The failure code, known or not.</param>
    /// <returns>A human-readable reason.</returns>
    public static string FailureReasonFor(string failureCode) => failureCode switch
    {
        "content_moderated" => "The request was blocked by content moderation. Please revise the prompt or input media and try again.",
        "generation_failed" => "The generation failed due to an internal error. Please try again.",
        "budget_exhausted" => "Your account balance was exhausted before the generation finished. Add funds and try again.",
        "output_not_found" => "The generated output could not be retrieved. Please try again.",
        "image_too_large" => "An input image exceeds the maximum allowed size of 50 MB.",
        "unsupported_format" => "An input file is in an unsupported format. Supported formats: JPEG, PNG, WebP and still GIF.",
        "corrupt_input" => "An input file could not be decoded. It may be corrupt or truncated.",
        "invalid_request" => "The request was rejected during processing because a parameter combination is not supported.",
        "rate_limited" => "The generation was throttled upstream. Please retry later.",
        _ => $"The generation failed ({failureCode}).",
    };
}
