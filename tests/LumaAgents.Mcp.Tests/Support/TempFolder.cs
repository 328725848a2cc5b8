namespace LumaAgents.Mcp.Tests.Support;

/// <summary>A fresh folder under the system temp folder (resolved to its real path), deleted at the end.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        var created = Directory.CreateTempSubdirectory("luma-mcp-tests-");
        Path = Safety.RealPath.Resolve(created.FullName);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a small file and returns its full path.</summary>
    public string WriteFile(string relative, byte[] content)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server process may still hold a file for a moment; the OS cleans temp folders eventually.
        }
    }
}
