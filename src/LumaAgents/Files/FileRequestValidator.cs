using System.Globalization;
using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>
/// The documented rules of the files API checked before a request is sent (the API reference, §8): a media type,
/// an exact size of 1 byte to 5 GiB, a page size of 1–100. Problems carry the wire path they concern.
/// </summary>
internal static class FileRequestValidator
{
    public static List<LumaValidationError> Validate(FileCreateRequest request)
    {
        var errors = new List<LumaValidationError>();
        CheckMimeType(request.MimeType, null, errors);
        if (request.SizeBytes == 0)
        {
            errors.Add(new("size_bytes", "is required: the exact size of the bytes you will upload, 1 byte to 5 GiB"));
        }
        else
        {
            CheckSize(request.SizeBytes, errors);
        }

        return errors;
    }

    public static List<LumaValidationError> Validate(FileListOptions? options)
    {
        var errors = new List<LumaValidationError>();
        if (options?.Limit is { } limit && (limit < FileLimits.MinListLimit || limit > FileLimits.MaxListLimit))
        {
            errors.Add(new("limit", $"is {limit}; a page holds {FileLimits.MinListLimit} to {FileLimits.MaxListLimit} files"));
        }

        return errors;
    }

    /// <summary>Adds a problem unless <paramref name="mimeType"/> is a media type such as <c>image/png</c>.</summary>
    /// <param name="mimeType">The type as given or inferred.</param>
    /// <param name="fileName">The file it was inferred from, for the message, or null when it was given.</param>
    /// <param name="errors">Where problems go.</param>
    public static void CheckMimeType(string? mimeType, string? fileName, List<LumaValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(mimeType))
        {
            errors.Add(new("mime_type", fileName is null
                ? "is required, for example image/png"
                : $"cannot be told from the name '{fileName}' (known extensions: {MediaTypes.KnownExtensions}); pass the media type, for example with UploadAsync(stream, fileName, \"image/png\")"));
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(mimeType, out var parsed) || parsed.MediaType is null || parsed.MediaType.IndexOf('/') <= 0 || parsed.MediaType.EndsWith("/", StringComparison.Ordinal))
        {
            errors.Add(new("mime_type", $"'{mimeType}' is not a media type; write it as type/subtype, for example image/png"));
        }
    }

    public static void CheckSize(long size, List<LumaValidationError> errors)
    {
        if (size <= 0)
        {
            errors.Add(new("size_bytes", size == 0 ? "the file is empty; a file needs at least 1 byte" : $"is {size}; a size is at least 1 byte"));
        }
        else if (size > FileLimits.MaxSizeBytes)
        {
            errors.Add(new("size_bytes", $"is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes; the largest file is 5 GiB ({FileLimits.MaxSizeBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)"));
        }
    }
}
