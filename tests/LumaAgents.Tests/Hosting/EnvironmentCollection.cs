namespace LumaAgents.Tests.Hosting;

/// <summary>
/// Tests that read the process environment (where the SDK looks for LUMA_AGENTS_API_KEY) run apart from the others
/// and restore what they change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
