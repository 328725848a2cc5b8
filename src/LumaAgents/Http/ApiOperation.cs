namespace LumaAgents;

/// <summary>The API calls the SDK makes; each knows whether it may be repeated and how it is named in telemetry.</summary>
internal enum ApiOperation
{
    /// <summary><c>POST /generations</c>: billed, not idempotent, limited per minute.</summary>
    CreateGeneration,

    /// <summary><c>GET /generations/{id}</c>.</summary>
    GetGeneration,

    /// <summary><c>POST /files</c> (JSON or multipart): not idempotent (a retry could leave a second record).</summary>
    CreateFile,

    /// <summary><c>POST /files/{id}/complete</c>: idempotent.</summary>
    CompleteFile,

    /// <summary><c>GET /files/{id}</c>.</summary>
    GetFile,

    /// <summary><c>GET /files</c>.</summary>
    ListFiles,

    /// <summary><c>DELETE /files/{id}</c>: idempotent (a retried 404 means done).</summary>
    DeleteFile,
}

/// <summary>What each <see cref="ApiOperation"/> implies.</summary>
internal static class ApiOperations
{
    /// <summary>Whether repeating the request after an unknown outcome is harmless.</summary>
    public static bool IsIdempotent(this ApiOperation operation) => operation is not (ApiOperation.CreateGeneration or ApiOperation.CreateFile);

    /// <summary>The <c>luma.operation</c> tag of metrics.</summary>
    public static string Tag(this ApiOperation operation) => operation switch
    {
        ApiOperation.CreateGeneration => "create",
        ApiOperation.GetGeneration => "get",
        ApiOperation.CreateFile => "files.create",
        ApiOperation.CompleteFile => "files.complete",
        ApiOperation.GetFile => "files.get",
        ApiOperation.ListFiles => "files.list",
        ApiOperation.DeleteFile => "files.delete",
        _ => "other",
    };

    /// <summary>The name of the call's span.</summary>
    public static string ActivityName(this ApiOperation operation) => operation switch
    {
        ApiOperation.CreateGeneration => Diagnostics.LumaTelemetry.CreateActivity,
        ApiOperation.GetGeneration => Diagnostics.LumaTelemetry.GetActivity,
        _ => "luma." + operation.Tag(),
    };

    /// <summary>What a 404 most likely means for this call, in a sentence.</summary>
    public static string NotFoundHint(this ApiOperation operation, Uri baseUrl) => operation switch
    {
        // The API never answers 404 to a create at the right URL: the base URL is wrong.
        ApiOperation.CreateGeneration or ApiOperation.CreateFile or ApiOperation.ListFiles =>
            $"The base URL is probably wrong: {baseUrl} has no such endpoint. The API's base URL is {LumaClientOptions.DefaultBaseUrl} (with /v1); check LUMA_BASE_URL or LumaClientOptions.BaseUrl",
        ApiOperation.GetGeneration => "Check the generation id; ids of other accounts are not found either" + BaseUrlSuffix(baseUrl),
        _ => "Check the file id; files of other accounts, and deleted or expired files, are not found either" + BaseUrlSuffix(baseUrl),
    };

    private static string BaseUrlSuffix(Uri baseUrl)
        => baseUrl.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal)
            ? string.Empty
            : $" (and the base URL: {baseUrl} does not end in /v1 like the API's {LumaClientOptions.DefaultBaseUrl})";
}
