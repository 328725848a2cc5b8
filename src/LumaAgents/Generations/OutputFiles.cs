using System.Text;

namespace LumaAgents;

/// <summary>
/// Saves outputs as files named from the generation id, the output index and the served content type. Nothing
/// from the server reaches a path unfiltered, and an existing file is never overwritten.
/// </summary>
internal static class OutputFiles
{
    public static async Task<IReadOnlyList<string>> SaveAsync(OutputDownloader downloader, Generation generation, string directory, CancellationToken cancellationToken)
    {
        Check(generation, directory);
        for (var index = 0; index < generation.Output.Count; index++)
        {
            // Every output is checked before the first byte is fetched, so a bad one cannot leave half a set behind.
            OutputDownloader.OutputUrl(generation, index);
        }

        var folder = Folder(generation, directory);
        var saved = new List<string>(generation.Output.Count);
        for (var index = 0; index < generation.Output.Count; index++)
        {
            saved.Add(await SaveOneAsync(downloader, generation, index, folder, cancellationToken).ConfigureAwait(false));
        }

        return saved;
    }

    public static async Task<string> SaveAsync(OutputDownloader downloader, Generation generation, int index, string directory, CancellationToken cancellationToken)
    {
        Check(generation, directory);
        OutputDownloader.OutputUrl(generation, index);
        return await SaveOneAsync(downloader, generation, index, Folder(generation, directory), cancellationToken).ConfigureAwait(false);
    }

    private static void Check(Generation generation, string directory)
    {
        if (generation is null)
        {
            throw new ArgumentNullException(nameof(generation));
        }

        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new LumaValidationException([new LumaValidationError("directory", "is required: name the folder to save the outputs in")], "The download");
        }
    }

    private static string Folder(Generation generation, string directory)
    {
        try
        {
            var folder = Path.GetFullPath(directory);
            Directory.CreateDirectory(folder);
            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LumaDownloadException(
                $"Could not save the outputs of generation {generation.Id}: the folder '{directory}' cannot be created ({ex.Message}).", generation.Id, 0, innerException: ex);
        }
    }

    private static async Task<string> SaveOneAsync(OutputDownloader downloader, Generation generation, int index, string folder, CancellationToken cancellationToken)
    {
        var stem = SafeStem(generation.Id) + "_" + index;
        var partial = Path.Combine(folder, "." + stem + "." + Guid.NewGuid().ToString("N") + ".partial");
        try
        {
            string? contentType;
            using (var file = Create(partial, generation.Id, index))
            {
                contentType = await downloader.DownloadAsync(generation, index, file, cancellationToken).ConfigureAwait(false);
            }

            var extension = MediaTypes.ToExtension(contentType) ?? ExtensionFromUrl(generation.Output[index].Url) ?? ".bin";
            try
            {
                return MoveToFreeName(partial, folder, stem, extension);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new LumaDownloadException(
                    $"Downloaded output {index} of generation {generation.Id} but could not save it in {folder} ({ex.Message}).", generation.Id, index, innerException: ex);
            }
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static FileStream Create(string partial, string generationId, int index)
    {
        try
        {
            return new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LumaDownloadException(
                $"Could not save output {index} of generation {generationId}: cannot write in {Path.GetDirectoryName(partial)} ({ex.Message}).", generationId, index, innerException: ex);
        }
    }

    /// <summary>Letters, digits, dash and underscore only: a server-sent id can never name a path.</summary>
    internal static string SafeStem(string id)
    {
        var stem = new StringBuilder(Math.Min(id.Length, 100));
        foreach (var c in id)
        {
            if (stem.Length == 100)
            {
                break;
            }

            stem.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' ? c : '_');
        }

        return stem.Length == 0 ? "generation" : stem.ToString();
    }

    private static string? ExtensionFromUrl(Uri? url)
    {
        var extension = url is null ? null : Path.GetExtension(url.AbsolutePath);
        return MediaTypes.FromExtension(extension) is null ? null : extension!.ToLowerInvariant();
    }

    private static string MoveToFreeName(string partial, string folder, string stem, string extension)
    {
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? stem + extension : stem + "-" + n + extension;
            var target = Path.Combine(folder, name);
            if (File.Exists(target))
            {
                continue;
            }

            try
            {
                File.Move(partial, target);
                return target;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another writer took the name between the check and the move: try the next one.
            }
        }
    }
}
