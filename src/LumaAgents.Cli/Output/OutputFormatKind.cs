namespace LumaAgents.Cli.Output;

/// <summary>The values of <c>--format</c>.</summary>
internal enum OutputFormatKind
{
    /// <summary><see cref="Pretty"/> on a terminal, <see cref="Json"/> otherwise.</summary>
    Auto,

    /// <summary>Indented JSON.</summary>
    Json,

    /// <summary>One compact JSON document per line; waits stream every state change as a line.</summary>
    Jsonl,

    /// <summary>A readable table.</summary>
    Pretty,

    /// <summary>Compact JSON on one line, no colours, nothing else.</summary>
    Raw,

    /// <summary>YAML.</summary>
    Yaml,
}
