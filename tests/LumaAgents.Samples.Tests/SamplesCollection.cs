namespace LumaAgents.Samples.Tests;

/// <summary>The samples read LUMA_AGENTS_API_KEY and the working directory: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SamplesCollection
{
    public const string Name = "Samples";
}
