using System.Text.RegularExpressions;

namespace LumaAgents.Tests.Docs;

/// <summary>docs/architecture.md is the map of the house: every file and folder it names must exist.</summary>
public sealed class ArchitectureDocTests
{
    [Fact]
    public void Every_path_the_architecture_map_names_exists()
    {
        var root = RepositoryRoot();
        var text = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var paths = Regex.Matches(text, @"(?:src|tests|samples|benchmarks)/[A-Za-z0-9_./-]+")
            .Select(m => m.Value.TrimEnd('.', '/'))
            .Distinct()
            .ToArray();

        Assert.NotEmpty(paths);
        var missing = paths.Where(p => !File.Exists(Path.Combine(root, p)) && !Directory.Exists(Path.Combine(root, p))).ToArray();
        Assert.True(missing.Length == 0, "docs/architecture.md names paths that do not exist: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LumaAgents.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No LumaAgents.sln above " + AppContext.BaseDirectory);
    }
}
