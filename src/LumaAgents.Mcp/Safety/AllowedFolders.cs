namespace LumaAgents.Mcp.Safety;

/// <summary>
/// The folders the server may read media from and save outputs into (<c>--allow-dir</c>, default the working
/// directory). Every path an agent passes is resolved to its real path (links followed, <c>..</c> applied) and must
/// then lie inside one of them, so neither traversal nor a symbolic link can lead out.
/// </summary>
internal sealed class AllowedFolders
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private AllowedFolders(IReadOnlyList<string> roots) => Roots = roots;

    /// <summary>The allowed folders, as real paths, in the order given; the first is where relative paths start.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Where outputs go when the agent names no folder, or null when no folder is allowed.</summary>
    public string? DefaultFolder => Roots.Count > 0 ? Roots[0] : null;

    /// <summary>The folders as one line for messages and tool descriptions.</summary>
    public string Describe() => Roots.Count == 0 ? "(none: start luma-mcp with --allow-dir <folder>)" : string.Join(", ", Roots);

    /// <summary>
    /// The folders from <c>--allow-dir</c>, or the working directory when none is given. The working directory is not
    /// allowed by default when it is a file-system root (MCP hosts often start servers in <c>/</c>): that would allow
    /// every file.
    /// </summary>
    /// <param name="given">The <c>--allow-dir</c> values, possibly relative to <paramref name="workingDirectory"/>.</param>
    /// <param name="workingDirectory">The process's working directory.</param>
    /// <exception cref="DirectoryNotFoundException">A given folder does not exist.</exception>
    public static AllowedFolders Create(IReadOnlyList<string> given, string workingDirectory)
    {
        var roots = new List<string>();
        if (given.Count == 0)
        {
            var real = RealPath.Resolve(Path.GetFullPath(workingDirectory));
            if (!IsFileSystemRoot(real))
            {
                roots.Add(real);
            }
        }

        foreach (var folder in given)
        {
            var real = RealPath.Resolve(Path.GetFullPath(folder, workingDirectory));
            if (!Directory.Exists(real))
            {
                throw new DirectoryNotFoundException($"--allow-dir {folder}: no such folder ({real}).");
            }

            if (!roots.Any(r => string.Equals(r, real, PathComparison)))
            {
                roots.Add(real);
            }
        }

        return new AllowedFolders(roots);
    }

    /// <summary>A file to read: the real path of an existing regular file inside an allowed folder.</summary>
    /// <param name="argument">The path the agent gave, absolute or relative to the first allowed folder.</param>
    /// <param name="argumentPath">Where in the arguments it was (for example <c>source.path</c>), for the message.</param>
    /// <exception cref="LumaValidationException">The path is outside the allowed folders or is not a file.</exception>
    public string ResolveFileToRead(string argument, string argumentPath)
    {
        var real = ResolveInside(argument, argumentPath);
        if (!File.Exists(real))
        {
            throw Refused(argumentPath, Directory.Exists(real)
                ? $"'{argument}' is a folder; give the path of an image or video file"
                : $"'{argument}' does not exist (looked for {real})");
        }

        return real;
    }

    /// <summary>A folder to save into: inside an allowed folder, existing or not (it is created when saving).</summary>
    /// <param name="argument">The folder the agent gave, or null for <see cref="DefaultFolder"/>.</param>
    /// <param name="argumentPath">Where in the arguments it was, for the message.</param>
    /// <exception cref="LumaValidationException">The folder is outside the allowed folders or is a file.</exception>
    public string ResolveFolderToWrite(string? argument, string argumentPath)
    {
        if (argument is null)
        {
            return DefaultFolder ?? throw Refused(argumentPath, "no folder is allowed, so there is nowhere to save; start luma-mcp with --allow-dir <folder>");
        }

        var real = ResolveInside(argument, argumentPath);
        if (File.Exists(real))
        {
            throw Refused(argumentPath, $"'{argument}' is a file; give a folder to save the outputs in");
        }

        return real;
    }

    /// <summary>Whether a real path is one of the allowed folders or lies below one.</summary>
    public bool Contains(string realPath) => Roots.Any(root => IsInside(realPath, root));

    private string ResolveInside(string argument, string argumentPath)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw Refused(argumentPath, "is empty; give a path inside " + Describe());
        }

        if (DefaultFolder is not { } start)
        {
            throw Refused(argumentPath, "no folder is allowed; start luma-mcp with --allow-dir <folder> to let it read and save files");
        }

        string full;
        string real;
        try
        {
            full = Path.GetFullPath(argument, start);
            real = RealPath.Resolve(full);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException or PathTooLongException)
        {
            throw Refused(argumentPath, $"'{argument}' is not a usable path ({e.Message})");
        }

        if (!Contains(real))
        {
            var how = Contains(full) ? " through a symbolic link" : string.Empty;
            throw Refused(
                argumentPath,
                $"'{argument}' leads outside the folders luma-mcp may use{how}; allowed: {Describe()}. Use a path inside one of them, or restart luma-mcp with --allow-dir <folder>");
        }

        return real;
    }

    private static bool IsInside(string path, string root)
    {
        if (string.Equals(path, root, PathComparison))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }

    private static bool IsFileSystemRoot(string path) => string.Equals(Path.GetPathRoot(path), path, PathComparison);

    private static LumaValidationException Refused(string argumentPath, string message) => new([new LumaValidationError(argumentPath, message)]);
}
