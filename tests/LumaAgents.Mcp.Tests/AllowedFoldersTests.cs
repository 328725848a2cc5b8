using LumaAgents.Mcp.Safety;
using LumaAgents.Mcp.Tests.Support;

namespace LumaAgents.Mcp.Tests;

public sealed class AllowedFoldersTests : IDisposable
{
    private readonly TempFolder _root = new();

    public AllowedFoldersTests()
    {
        Directory.CreateDirectory(Allowed);
        Directory.CreateDirectory(Outside);
        File.WriteAllBytes(Path.Combine(Allowed, "in.png"), Args.Png);
        File.WriteAllBytes(Path.Combine(Outside, "secret.png"), Args.Png);
    }

    private string Allowed => _root.Combine("allowed");

    private string Outside => _root.Combine("allowed-evil");

    private AllowedFolders Folders => AllowedFolders.Create([Allowed], _root.Path);

    [Fact]
    public void A_relative_path_is_read_from_the_first_allowed_folder()
        => Assert.Equal(Path.Combine(Allowed, "in.png"), Folders.ResolveFileToRead("in.png", "source.path"));

    [Theory]
    [InlineData("../allowed-evil/secret.png")]
    [InlineData("./sub/../../allowed-evil/secret.png")]
    public void Traversal_out_of_the_folder_is_refused(string path)
        => AssertRefused(() => Folders.ResolveFileToRead(path, "source.path"), "source.path");

    [Fact]
    public void A_sibling_folder_that_shares_the_prefix_is_outside()
        => AssertRefused(() => Folders.ResolveFileToRead(Path.Combine(Outside, "secret.png"), "source.path"), "source.path");

    [Fact]
    public void A_symbolic_link_to_a_file_outside_is_refused_and_the_message_says_so()
    {
        File.CreateSymbolicLink(Path.Combine(Allowed, "link.png"), Path.Combine(Outside, "secret.png"));

        var refused = AssertRefused(() => Folders.ResolveFileToRead("link.png", "source.path"), "source.path");

        Assert.Contains("through a symbolic link", refused.Errors[0].Message);
    }

    [Fact]
    public void A_linked_folder_that_leads_outside_is_refused_for_reading_and_for_saving()
    {
        Directory.CreateSymbolicLink(Path.Combine(Allowed, "elsewhere"), Outside);

        AssertRefused(() => Folders.ResolveFileToRead("elsewhere/secret.png", "source.path"), "source.path");
        AssertRefused(() => Folders.ResolveFolderToWrite("elsewhere/new", "directory"), "directory");
    }

    [Fact]
    public void A_relative_link_inside_the_folder_is_followed()
    {
        Directory.CreateDirectory(Path.Combine(Allowed, "a"));
        File.CreateSymbolicLink(Path.Combine(Allowed, "a", "again.png"), "../in.png");

        Assert.Equal(Path.Combine(Allowed, "in.png"), Folders.ResolveFileToRead("a/again.png", "source.path"));
    }

    [Fact]
    public void A_dangling_link_pointing_outside_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(Allowed, "dangling.png"), Path.Combine(Outside, "missing.png"));

        AssertRefused(() => Folders.ResolveFolderToWrite("dangling.png", "directory"), "directory");
    }

    [Fact]
    public void A_link_loop_is_refused_instead_of_hanging()
    {
        File.CreateSymbolicLink(Path.Combine(Allowed, "loop-a"), Path.Combine(Allowed, "loop-b"));
        File.CreateSymbolicLink(Path.Combine(Allowed, "loop-b"), Path.Combine(Allowed, "loop-a"));

        AssertRefused(() => Folders.ResolveFileToRead("loop-a", "source.path"), "source.path");
    }

    [Fact]
    public void A_folder_to_save_into_may_not_exist_yet()
        => Assert.Equal(Path.Combine(Allowed, "new", "deeper"), Folders.ResolveFolderToWrite("new/deeper", "directory"));

    [Fact]
    public void Without_a_folder_argument_outputs_go_to_the_first_allowed_folder()
        => Assert.Equal(Allowed, Folders.ResolveFolderToWrite(null, "directory"));

    [Fact]
    public void Missing_files_and_folders_given_as_files_are_refused_with_what_was_wrong()
    {
        Assert.Contains("does not exist", AssertRefused(() => Folders.ResolveFileToRead("nope.png", "source.path"), "source.path").Errors[0].Message);
        Assert.Contains("is a folder", AssertRefused(() => Folders.ResolveFileToRead(".", "source.path"), "source.path").Errors[0].Message);
        Assert.Contains("is a file", AssertRefused(() => Folders.ResolveFolderToWrite("in.png", "directory"), "directory").Errors[0].Message);
    }

    [Fact]
    public void The_working_directory_is_the_default_unless_it_is_the_file_system_root()
    {
        Assert.Equal([Allowed], AllowedFolders.Create([], Allowed).Roots);

        var fromRoot = AllowedFolders.Create([], Path.GetPathRoot(Allowed)!);

        Assert.Empty(fromRoot.Roots);
        Assert.Contains("--allow-dir", AssertRefused(() => fromRoot.ResolveFileToRead("/etc/hostname", "source.path"), "source.path").Errors[0].Message);
        Assert.Contains("--allow-dir", AssertRefused(() => fromRoot.ResolveFolderToWrite(null, "directory"), "directory").Errors[0].Message);
    }

    [Fact]
    public void Allowed_folders_are_kept_as_real_paths_and_a_missing_one_is_an_error()
    {
        var link = _root.Combine("link-to-allowed");
        Directory.CreateSymbolicLink(link, Allowed);

        Assert.Equal([Allowed], AllowedFolders.Create([link, Allowed], _root.Path).Roots);
        Assert.Throws<DirectoryNotFoundException>(() => AllowedFolders.Create(["missing"], _root.Path));
    }

    public void Dispose() => _root.Dispose();

    private static LumaValidationException AssertRefused(Action resolve, string path)
    {
        var refused = Assert.Throws<LumaValidationException>(resolve);
        Assert.Equal(path, Assert.Single(refused.Errors).Path);
        return refused;
    }
}
