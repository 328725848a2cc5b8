namespace LumaAgents;

/// <summary>
/// An uploaded file will never be ready: ingest or moderation refused it (state <c>failed</c>), or it was deleted
/// while the SDK waited for it. Uploading the same bytes again will not help unless the reason says otherwise.
/// </summary>
public sealed class FileFailedException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file as last read, failed or deleted.</param>
    public FileFailedException(LumaFile file)
        : base(BuildMessage(file ?? throw new ArgumentNullException(nameof(file))))
    {
        File = file;
    }

    /// <summary>The file as last read.</summary>
    public LumaFile File { get; }

    /// <summary>The file's id.</summary>
    public string FileId => File.Id;

    /// <summary>The server's reason, if it gave one.</summary>
    public string? FailureReason => File.FailureReason;

    private static string BuildMessage(LumaFile file)
    {
        var name = string.IsNullOrEmpty(file.FileName) ? string.Empty : $" ({file.FileName})";
        if (file.State == FileState.Deleted)
        {
            return $"File {file.Id}{name} was deleted before it became ready; upload it again.";
        }

        var reason = string.IsNullOrEmpty(file.FailureReason) ? " The server gave no reason." : " Reason: " + file.FailureReason;
        return $"File {file.Id}{name} failed ingest and will not become ready.{reason}";
    }
}
