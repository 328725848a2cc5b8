using System.Text;

namespace LumaAgents;

/// <summary>
/// Where and how to send a file's bytes in the presigned flow: a <c>PUT</c> of the raw bytes to <see cref="Url"/> with
/// exactly <see cref="Headers"/> and no Authorization. <see cref="FilesClient.UploadAsync(string, FileUploadOptions, CancellationToken)"/>
/// does this for you.
/// </summary>
/// <remarks>The URL's query is its signature, a credential: <see cref="ToString"/> leaves it out.</remarks>
public sealed record PresignedUpload
{
    private string? _method;
    private IReadOnlyDictionary<string, string>? _headers;

    /// <summary>The presigned storage URL. Treat it as a secret until it expires.</summary>
    public Uri? Url { get; set; }

    /// <summary>The HTTP method; always <c>PUT</c> today.</summary>
    public string Method { get => _method ?? "PUT"; set => _method = value; }

    /// <summary>The headers the request must carry, exactly (they are part of the signature); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get => _headers ?? EmptyHeaders; set => _headers = value; }

    /// <summary>When the URL stops working; the upload must start before then.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    private static IReadOnlyDictionary<string, string> EmptyHeaders { get; } = new Dictionary<string, string>();

    /// <summary>Describes the upload without the URL's query (its signature) and without header values.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("PresignedUpload { Url = ");
        text.Append(Url is null ? "(none)" : Url.IsAbsoluteUri ? StorageClient.Redacted(Url) + (string.IsNullOrEmpty(Url.Query) ? string.Empty : "?(redacted)") : "(relative, redacted)");
        text.Append(", Method = ").Append(Method);
        text.Append(", Headers = [").Append(string.Join(", ", Headers.Keys)).Append(']');
        text.Append(", ExpiresAt = ").Append(ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)");
        return text.Append(" }").ToString();
    }
}
