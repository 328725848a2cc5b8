using System.Text;

namespace LumaAgents.Tests.Conventions;

/// <summary>
/// Guards the SDK's public surface: any change to a public type or member shows up as a failing diff against the
/// checked-in snapshot, so API changes are deliberate and reviewed. This file is compiled into both test projects: the
/// net10.0 asset is compared with PublicApi.net10.0.txt, and the netstandard2.0 asset with PublicApi.netstandard2.0.txt
/// when the two surfaces differ, otherwise with the same net10.0 file.
/// </summary>
public sealed class PublicApiSnapshotTests
{
#if NETSTANDARD_ASSET
    private const string Asset = "netstandard2.0";
#else
    private const string Asset = "net10.0";
#endif

    [Fact]
    public void Public_api_matches_the_checked_in_snapshot()
    {
        var directory = SnapshotDirectory();
        var ownPath = Path.Combine(directory, $"PublicApi.{Asset}.txt");
        var sharedPath = Path.Combine(directory, "PublicApi.net10.0.txt");
        var approvedPath = File.Exists(ownPath) ? ownPath : sharedPath;
        var receivedPath = Path.Combine(directory, $"PublicApi.{Asset}.received.txt");
        var actual = PublicApi.Render(typeof(LumaClient).Assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : string.Empty;

        if (actual == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        // Written next to the snapshot (and git-ignored) so accepting a deliberate change is one file move.
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.Fail(
            $"The public API of LumaAgents ({Asset}) differs from {Relative(approvedPath)} ('-' approved, '+' now):\n\n"
            + LineDiff.Describe(approved, actual)
            + $"\nIf the change is intended, accept it and commit the snapshot:\n    mv {Relative(receivedPath)} {Relative(approvedPath)}\n"
            + (approvedPath == ownPath ? string.Empty
                : $"(Only if this asset's surface is meant to differ from net10.0's, keep it apart instead: mv {Relative(receivedPath)} {Relative(ownPath)})\n")
            + "A breaking change (anything removed or changed, rather than added) also needs a note in CHANGELOG.md.");
    }

    /// <summary>The source folder of this file, found from the test binaries: they live below the repository root.</summary>
    private static string SnapshotDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LumaAgents.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "LumaAgents.Tests", "Conventions");
            }
        }

        throw new InvalidOperationException($"No LumaAgents.sln above {AppContext.BaseDirectory}; the snapshot test runs from a build inside the repository.");
    }

    private static string Relative(string path)
    {
        var root = Path.GetFullPath(Path.Combine(SnapshotDirectory(), "..", "..", ".."));
        return Path.GetRelativePath(root, path);
    }
}
