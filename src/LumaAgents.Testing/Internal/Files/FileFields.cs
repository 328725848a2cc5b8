using System.Globalization;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// The checks on a file's fields, shared by the JSON (presigned) and multipart (inline) creates. Details name the
/// field, as the API's validation errors do; every problem is reported, joined by <c>"; "</c>.
/// </summary>
internal sealed class FileFields
{
    private readonly List<string> _problems = [];

    public string? MimeType { get; private set; }

    public string Purpose { get; private set; } = "input";

    public DateTimeOffset? ExpiresAt { get; private set; }

    public string? FileName { get; private set; }

    public string? UserId { get; private set; }

    public string? Problem => _problems.Count == 0 ? null : string.Join("; ", _problems);

    public void Add(string problem) => _problems.Add(problem);

    public void SetMimeType(string? value, bool present)
    {
        if (!present || value is null)
        {
            Add("mime_type: Field required");
        }
        else if (value.Length == 0 || value.IndexOf('/') is <= 0 || value.EndsWith('/') || value.Any(char.IsWhiteSpace))
        {
            Add($"mime_type: Input should be a media type such as 'image/png', not '{value}'");
        }
        else
        {
            MimeType = value;
        }
    }

    public void SetPurpose(string? value, bool present)
    {
        if (!present || value is null)
        {
            return;
        }

        if (value is "input" or "reference")
        {
            Purpose = value;
        }
        else
        {
            Add("purpose: Input should be 'input' or 'reference'");
        }
    }

    public void SetExpiresAt(string? value, bool present, DateTimeOffset now)
    {
        if (!present || value is null)
        {
            return;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset expires))
        {
            Add("expires_at: Input should be a valid datetime");
        }
        else if (expires <= now)
        {
            Add("expires_at: Should be in the future");
        }
        else
        {
            ExpiresAt = expires;
        }
    }

    public void SetFileName(string? value, bool present)
    {
        if (present && value is { Length: > 255 })
        {
            Add("filename: String should have at most 255 characters");
        }
        else if (present)
        {
            FileName = value;
        }
    }

    public void SetUserId(string? value, bool present)
    {
        if (present && value is { Length: > 256 })
        {
            Add("user_id: String should have at most 256 characters");
        }
        else if (present)
        {
            UserId = value;
        }
    }

    public void CheckSize(long size)
    {
        if (size < 1)
        {
            Add("size_bytes: Input should be greater than 0");
        }
        else if (size > FileIngest.MaxFileBytes)
        {
            Add($"size_bytes: Input should be less than or equal to {FileIngest.MaxFileBytes.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
