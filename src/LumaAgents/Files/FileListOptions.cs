namespace LumaAgents;

/// <summary>Which files <see cref="FilesClient.ListAsync"/> and <see cref="FilesClient.ListPageAsync(FileListOptions, CancellationToken)"/> return.</summary>
public sealed record FileListOptions
{
    /// <summary>Where to start: the <see cref="FileListPage.NextCursor"/> of the page before; null for the newest files.</summary>
    public string? Cursor { get; init; }

    /// <summary>Files per page, <see cref="FileLimits.MinListLimit"/>–<see cref="FileLimits.MaxListLimit"/>; null for the server's default (25).</summary>
    public int? Limit { get; init; }

    /// <summary>Only files with this purpose.</summary>
    public FilePurpose? Purpose { get; init; }

    /// <summary>Only files in this state.</summary>
    public FileState? State { get; init; }
}
