using LumaAgents.Cli.Errors;
using LumaAgents.Cli.Input;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// <c>--out DIR</c>, checked before anything is sent: a job must never be created, waited for and billed only to
/// fail on a folder that cannot take its outputs. The folder itself is created only when there is something to save.
/// </summary>
internal sealed class OutputFolder
{
    private OutputFolder(string typed, string fullPath)
    {
        Typed = typed;
        FullPath = fullPath;
    }

    /// <summary>The folder as the user typed it (for resume commands).</summary>
    public string Typed { get; }

    public string FullPath { get; }

    /// <summary>The <c>--out</c> words of a resume command.</summary>
    public string Flag => "--out " + ShellWords.Quote(Typed);

    public static OutputFolder Check(CliEnvironment environment, string? typed)
    {
        typed ??= ".";
        var full = new FileEmbedding(environment).Resolve(typed);
        if (File.Exists(full))
        {
            throw new CliException($"--out {typed}: {full} is a file, not a folder (nothing was sent).", "give a folder for the outputs; it is created if missing");
        }

        var existing = full;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                break;
            }

            if (File.Exists(parent))
            {
                throw new CliException($"--out {typed}: {parent} is a file, so the folder cannot be created (nothing was sent).", "give a folder for the outputs");
            }

            existing = parent;
        }

        try
        {
            // The nearest existing folder must take a new file (read-only mounts, permissions).
            using var probe = new FileStream(Path.Combine(existing, ".luma-write-check-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--out {typed}: cannot write in {existing}: {ex.Message} (nothing was sent)", "give a folder you can write to");
        }

        return new OutputFolder(typed, full);
    }
}
