using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>
/// Serializes the SDK's wire types with the SDK's source-generated settings (snake_case, nulls omitted), for
/// callers who store, log or forward requests and generations, and for AOT apps that cannot use reflection.
/// </summary>
public static class LumaJson
{
    /// <summary>The request as the SDK sends it.</summary>
    /// <param name="request">The request.</param>
    public static string Serialize(GenerationRequest request)
        => JsonSerializer.Serialize(request ?? throw new ArgumentNullException(nameof(request)), LumaJsonContext.Default.GenerationRequest);

    /// <summary>The generation as the API sends it.</summary>
    /// <param name="generation">The generation.</param>
    public static string Serialize(Generation generation)
        => JsonSerializer.Serialize(generation ?? throw new ArgumentNullException(nameof(generation)), LumaJsonContext.Default.Generation);

    /// <summary>The file as the API sends it (<c>File</c>).</summary>
    /// <param name="file">The file.</param>
    public static string Serialize(LumaFile file)
        => JsonSerializer.Serialize(file ?? throw new ArgumentNullException(nameof(file)), LumaJsonContext.Default.LumaFile);

    /// <summary>The answer to <c>POST /files</c> as the API sends it (<c>CreateFileResponse</c>).</summary>
    /// <param name="upload">The created file and where to send its bytes.</param>
    public static string Serialize(FileUpload upload)
        => JsonSerializer.Serialize(upload ?? throw new ArgumentNullException(nameof(upload)), LumaJsonContext.Default.FileUpload);

    /// <summary>A page of <c>GET /files</c> as the API sends it (<c>FileList</c>).</summary>
    /// <param name="page">The page.</param>
    public static string Serialize(FileListPage page)
        => JsonSerializer.Serialize(page ?? throw new ArgumentNullException(nameof(page)), LumaJsonContext.Default.FileListPage);

    /// <summary>Reads a request from JSON (for example a body kept in a file).</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="JsonException">The text is not a JSON object of the request's shape.</exception>
    public static GenerationRequest DeserializeRequest(string json)
        => JsonSerializer.Deserialize(json, LumaJsonContext.Default.GenerationRequest)
            ?? throw new JsonException("Expected a JSON object, found null.");

    /// <summary>Reads a generation from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="JsonException">The text is not a JSON object of the generation's shape.</exception>
    public static Generation DeserializeGeneration(string json)
        => JsonSerializer.Deserialize(json, LumaJsonContext.Default.Generation)
            ?? throw new JsonException("Expected a JSON object, found null.");
}
