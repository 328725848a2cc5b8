namespace LumaAgents;

/// <summary>
/// The answer to <c>POST /files</c> (<c>CreateFileResponse</c>): the new file and, in the presigned flow, where to send
/// its bytes. The top-level <see cref="Id"/> and <see cref="State"/> mirror the file's.
/// </summary>
public sealed record FileUpload
{
    private string? _id;
    private LumaFile? _file;

    /// <summary>The file's id (the same as <c>File.Id</c>).</summary>
    public string Id { get => _id ?? _file?.Id ?? string.Empty; set => _id = value; }

    /// <summary>The file record; <c>pending</c> until its bytes are complete and ingested.</summary>
    public LumaFile File { get => _file ??= new LumaFile { Id = _id ?? string.Empty, State = State }; set => _file = value; }

    /// <summary>The file's state (the same as <c>File.State</c>).</summary>
    public FileState State { get; set; }

    /// <summary>
    /// Where to <c>PUT</c> the bytes, then call <see cref="FilesClient.CompleteAsync(string, CancellationToken)"/>;
    /// null for an inline (multipart) upload, whose bytes the API already has.
    /// </summary>
    public PresignedUpload? Upload { get; set; }
}
