namespace LumaAgents.Cli.Output;

/// <summary>Told about a wait as it happens; synchronous, so reports arrive in order and before the wait returns.</summary>
internal interface IWaitReporter : IProgress<Generation>
{
    /// <summary>A line about what happens now ("saving outputs").</summary>
    void Status(string text);
}
