namespace LumaAgents.Samples.Tests.Support;

/// <summary>Where the repository and the built samples are, found from the test assembly's own location.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder with LumaAgents.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test assembly was built in (Release in CI); the samples were built the same way.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>A sample's project folder, such as <c>samples/Worker</c>.</summary>
    /// <param name="name">The sample's folder name.</param>
    public static string SampleFolder(string name) => Path.Combine(Root, "samples", name);

    /// <summary>A sample's built entry assembly, as <c>dotnet run --project samples/{name}</c> would start it.</summary>
    /// <param name="name">The sample's folder name (also its assembly name).</param>
    public static string SampleAssembly(string name)
    {
        var path = Path.Combine(SampleFolder(name), "bin", Configuration, "net10.0", name + ".dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the samples test project first (it builds the samples).");
        return path;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LumaAgents.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with LumaAgents.sln) is not above " + AppContext.BaseDirectory);
    }
}
