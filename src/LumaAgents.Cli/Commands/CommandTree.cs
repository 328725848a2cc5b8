using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace LumaAgents.Cli.Commands;

/// <summary>Builds the command tree for one invocation (commands capture that invocation's <see cref="CliEnvironment"/>).</summary>
internal static class CommandTree
{
    public static RootCommand Build(Invocation invocation)
    {
        var root = new RootCommand(
            "luma: the command line for the Luma Agents API (images with uni-1, video with ray-3.2).\n"
            + "Start with: luma generate image \"a lighthouse at dawn\"\n"
            + "Exit codes: 0 ok, 1 other error, 2 invalid request or usage, 3 authentication, 4 not found, 5 rate limited, "
            + "6 generation failed, 7 timeout, 130 interrupted (Ctrl+C), 143 stopped (SIGTERM).\n"
            + "No key yet? `luma simulator` runs the API locally.");

        // Completion scripts send the whole line, "luma" first; the assembly name may differ when hosted.
        if (root.Name != "luma")
        {
            root.Aliases.Add("luma");
        }
        foreach (var option in invocation.Globals.All)
        {
            root.Options.Add(option);
        }

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
            version.Aliases.Add("-v");
        }

        var generations = new Command("generations", "Create, read and wait for generations (the API's resources).");
        generations.Subcommands.Add(CreateCommand.Build(invocation));
        generations.Subcommands.Add(GetCommand.Build(invocation));
        generations.Subcommands.Add(WaitCommand.Build(invocation));
        generations.Subcommands.Add(DownloadCommand.Build(invocation));
        root.Subcommands.Add(generations);
        root.Subcommands.Add(GenerateCommand.Build(invocation));
        root.Subcommands.Add(FilesCommand.Build(invocation));
        root.Subcommands.Add(SimulatorCommand.Build(invocation));
        root.Subcommands.Add(CompletionCommand.Build(invocation.Environment));

        // A group without a subcommand shows its help rather than an error.
        ShowHelpWhenBare(root);
        return root;
    }

    private static void ShowHelpWhenBare(Command command)
    {
        if (command.Subcommands.Count == 0)
        {
            return;
        }

        if (command.Action is null)
        {
            command.Action = new HelpAction();
        }

        foreach (var child in command.Subcommands)
        {
            ShowHelpWhenBare(child);
        }
    }

    /// <summary><c>--version</c>: this tool's version (the default reads the entry assembly, which is a test host under test).</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(LumaCli.Version);
            return ExitCodes.Success;
        }
    }
}
