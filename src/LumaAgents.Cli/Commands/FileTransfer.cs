using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Output;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// One local file through the SDK's <see cref="FilesClient.UploadAsync(Stream, string, string, FileUploadOptions, CancellationToken)"/>
/// (inline or presigned by size, streamed), in two steps so its id is never lost: the bytes are sent with a progress
/// bar on a terminal, the id is printed as a notice the moment the file exists, and only then is the file waited for.
/// </summary>
internal static class FileTransfer
{
    public static async Task<LumaFile> UploadAsync(
        CliContext context, LumaSession session, string fullPath, string label, string? mediaType, FileUploadOptions options, bool wait, CancellationToken cancellationToken, Action<LumaFile>? onCreated = null)
    {
        FileStream stream;
        try
        {
            // No FileStream buffer: the SDK reads in chunks of its own.
            stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"cannot read {label}: there is no such file (nothing was sent).");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(fullPath))
        {
            throw new CliException($"{label} is a folder; give the path of a file (nothing was sent).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read {label}: {ex.Message} (nothing was sent).");
        }

        LumaFile created;
        var display = new ProgressDisplay(context.Environment, context.Output, context.Notices);
        await using (stream.ConfigureAwait(false))
        {
            var size = stream.Length;
            created = await display.RunAsync($"uploading {label}", async reporter =>
            {
                var bar = new UploadProgressBar(reporter, display.IsLive, label, size);
                var sending = options with { WaitUntilReady = false, Progress = bar };
                return await session.Client.Files.UploadAsync(stream, Path.GetFileName(fullPath), mediaType ?? string.Empty, sending, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        context.Notices.Write($"uploaded {label} as file {created.Id} ({created.State.Value})");
        onCreated?.Invoke(created);
        if (!wait || created.State == FileState.Ready)
        {
            return created;
        }

        var ready = await display.RunAsync(
            $"waiting for file {created.Id} to be ready",
            _ => session.Client.Files.WaitUntilReadyAsync(created.Id, null, cancellationToken)).ConfigureAwait(false);
        context.Notices.Write($"file {ready.Id} is {ready.State.Value}");
        return ready;
    }
}
