namespace LumaAgents;

/// <summary>
/// Generation ids go into URL paths, so anything that could change the path (empty, <c>.</c>, <c>..</c>, a slash,
/// a query) is refused before a request is made.
/// </summary>
internal static class GenerationIds
{
    public const int MaxLength = 128;

    /// <summary>Returns the id escaped for a path segment, or throws a clear argument error.</summary>
    public static string ToPathSegment(string? generationId, string parameterName)
    {
        if (generationId is null)
        {
            throw new ArgumentNullException(parameterName, "A generation id is required.");
        }

        var problem = Check(generationId);
        if (problem is not null)
        {
            throw new ArgumentException($"'{Printable(generationId)}' is not a generation id: {problem}.", parameterName);
        }

        return Uri.EscapeDataString(generationId);
    }

    private static string? Check(string id)
    {
        if (id.Trim().Length == 0)
        {
            return "it is empty; pass the id returned by CreateAsync (a UUID)";
        }

        if (id is "." or "..")
        {
            return "'.' and '..' are path segments, not ids";
        }

        if (id.Length > MaxLength)
        {
            return $"it is {id.Length} characters long; ids are at most {MaxLength}";
        }

        foreach (var c in id)
        {
            var allowed = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~' or ':';
            if (!allowed)
            {
                return "ids contain only letters, digits and - _ . ~ :";
            }
        }

        return null;
    }

    private static string Printable(string id)
    {
        var shown = id.Length > 40 ? id.Substring(0, 40) + "…" : id;
        var chars = shown.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
