using System.CommandLine;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// <c>luma completion bash|zsh|pwsh|fish</c>: prints a script that asks luma itself for completions through
/// System.CommandLine's <c>[suggest:&lt;position&gt;]</c> directive, so no <c>dotnet-suggest</c> install is needed and
/// completions always match the installed version (commands, flags, and the SDK's known enum values).
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # luma completion for bash. Load it with:  source <(luma completion bash)   (e.g. in ~/.bashrc)
        _luma_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local cur="${line##*[[:space:]]}"
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(luma "[suggest:${#line}]" "$line" 2>/dev/null)" -- "$cur"))
            # bash splits words at ':' (COMP_WORDBREAKS), so a value such as 16:9 is completed after its colon.
            if [[ "$cur" == *:* && "$COMP_WORDBREAKS" == *:* ]]; then
                local prefix="${cur%"${cur##*:}"}" i
                for i in "${!COMPREPLY[@]}"; do COMPREPLY[$i]="${COMPREPLY[$i]#"$prefix"}"; done
            fi
        }
        complete -o default -F _luma_complete luma
        """;

    private const string Zsh = """
        #compdef luma
        # luma completion for zsh. Load it with:  source <(luma completion zsh)   (e.g. in ~/.zshrc, after compinit)
        _luma() {
            local line="${BUFFER[1,CURSOR]}"
            local -a candidates
            candidates=("${(@f)$(luma "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -- "${candidates[@]}"
        }
        compdef _luma luma
        """;

    private const string PowerShell = """
        # luma completion for PowerShell. Load it with:  luma completion pwsh | Out-String | Invoke-Expression   (e.g. in $PROFILE)
        Register-ArgumentCompleter -Native -CommandName luma -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.Extent.ToString()
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            if ($position -lt $line.Length) { $line = $line.Substring(0, $position) }
            elseif ($position -gt $line.Length) { $line = $line + ' ' }
            & luma "[suggest:$($line.Length)]" $line 2>$null |
                Where-Object { $_ -like "$wordToComplete*" } |
                ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
        }
        """;

    private const string Fish = """
        # luma completion for fish. Load it with:  luma completion fish | source   (or save it in ~/.config/fish/completions/luma.fish)
        function __luma_complete
            set -l line (commandline -cp)
            luma "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c luma -f -a '(__luma_complete)'
        """;

    public static Command Build(CliEnvironment environment)
    {
        var command = new Command(
            "completion",
            "Print a shell completion script. bash: source <(luma completion bash); zsh: source <(luma completion zsh); "
            + "PowerShell: luma completion pwsh | Out-String | Invoke-Expression; fish: luma completion fish | source.");
        var shell = new Argument<string>("shell") { Description = "bash, zsh, pwsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh", "fish");
        command.Arguments.Add(shell);
        command.SetAction(parse =>
        {
            var script = parse.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                "pwsh" => PowerShell,
                _ => Fish,
            };
            environment.Output.WriteLine(script.ReplaceLineEndings("\n"));
            return ExitCodes.Success;
        });
        return command;
    }
}
