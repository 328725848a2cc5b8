namespace LumaAgents.Mcp.Output;

/// <summary>A tool was asked for something the generation cannot give yet (outputs of a job still running).</summary>
internal sealed class NotReadyException : Exception
{
    public NotReadyException(string message, string advice, Generation generation)
        : base(message)
    {
        Advice = advice;
        Generation = generation;
    }

    /// <summary>What to do instead.</summary>
    public string Advice { get; }

    /// <summary>The generation as last read.</summary>
    public Generation Generation { get; }
}
