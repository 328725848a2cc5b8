namespace LumaAgents;

/// <summary>One page of <c>GET /files</c> (<c>FileList</c>), newest first.</summary>
public sealed record FileListPage
{
    private IReadOnlyList<LumaFile>? _data;

    /// <summary>The files on this page.</summary>
    public IReadOnlyList<LumaFile> Data { get => _data ?? []; set => _data = value; }

    /// <summary>Whether there are more files after this page.</summary>
    public bool HasMore { get; set; }

    /// <summary>The opaque cursor of the next page, for <see cref="FileListOptions.Cursor"/>; null on the last page.</summary>
    public string? NextCursor { get; set; }
}
