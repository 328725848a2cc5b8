namespace LumaAgents.Mcp.Safety;

/// <summary>
/// Resolves a path the way the operating system will follow it: every symbolic link (or junction) on the way is
/// replaced by its target, and <c>..</c> is applied after that, as <c>realpath(3)</c> does. Components that do not
/// exist yet are kept as they are (they cannot be links). Managed rather than a call to libc so it works the same on
/// Windows, macOS and Linux.
/// </summary>
internal static class RealPath
{
    /// <summary>Linux gives up after 40 links (ELOOP); so do we.</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The real path of <paramref name="path"/>, which must be absolute.</summary>
    /// <exception cref="IOException">More than 40 links were followed (a loop).</exception>
    public static string Resolve(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException("An absolute path is required.", nameof(path));
        }

        var root = Path.GetPathRoot(path)!;
        var current = root;
        var pending = new Stack<string>(Split(path[root.Length..]).Reverse());
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var candidate = Path.Combine(current, part);
            var target = LinkTarget(candidate);
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links under {current}.");
            }

            // The link's target replaces this component; its own components are resolved in turn.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                target = target[current.Length..];
            }

            foreach (var piece in Split(target).Reverse())
            {
                pending.Push(piece);
            }
        }

        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            // Null for a path that is not a link or does not exist; a dangling link still has a target to check.
            return new FileInfo(path).LinkTarget;
        }
        catch (UnauthorizedAccessException)
        {
            // A component we may not read cannot be resolved further; the open that follows will fail on its own.
            return null;
        }
    }

    private static string[] Split(string relative) => relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
