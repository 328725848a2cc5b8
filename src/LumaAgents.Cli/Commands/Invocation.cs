using LumaAgents.Cli.Lifetime;

namespace LumaAgents.Cli.Commands;

/// <summary>What every command of one run shares: the global options, the environment, and the stop signal.</summary>
internal sealed record Invocation(GlobalOptions Globals, CliEnvironment Environment, StopSignal Stop);
