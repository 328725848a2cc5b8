namespace LumaAgents;

/// <summary>
/// Generation and file ids go into URL paths, so anything that could change the path (empty, <c>.</c>, <c>..</c>, a
/// slash, a query) is refused before a request is made.
/// </summary>
internal static class ResourceIds
{
    public const int MaxLength = 128;

    /// <summary>Returns the id escaped for a path segment, or throws a <see cref="LumaValidationException"/> naming <paramref name="path"/>.</summary>
    /// <param name="id">The id as the caller gave it.</param>
    /// <param name="path">What the id is, in wire words: <c>generation_id</c>, <c>file_id</c>.</param>
    public static string ToPathSegment(string? id, string path)
    {
        if (id is null)
        {
            // A null is a programming error, reported the .NET way; a wrong value is a request problem.
            throw new ArgumentNullException(path, "An id is required.");
        }

        var problem = Check(id);
        if (problem is not null)
        {
            throw new LumaValidationException([new LumaValidationError(path, problem)], "The id");
        }

        return Uri.EscapeDataString(id);
    }

    private static string? Check(string id)
    {
        if (id.Trim().Length == 0)
        {
            return "is empty; pass the id the API returned (a UUID)";
        }

        if (id is "." or "..")
        {
            return $"'{id}' is a path segment, not an id";
        }

        if (id.Length > MaxLength)
        {
            return $"is {id.Length} characters long; ids are at most {MaxLength}";
        }

        foreach (var c in id)
        {
            var allowed = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~' or ':';
            if (!allowed)
            {
                return $"'{Printable(id)}' is not an id (ids hold only letters, digits, '-', '_', '.', '~' and ':')";
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
