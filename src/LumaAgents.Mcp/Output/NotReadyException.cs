namespace LumaAgents.Mcp.Output;

/// <summary>
/// A tool was asked for something that is not ready yet: the outputs of a generation still running, or a local input
/// whose upload was not ready in time to be referenced.
/// </summary>
internal sealed class NotReadyException : Exception
{
    public NotReadyException(string message, string advice, Generation generation)
        : base(message)
    {
        Advice = advice;
        Generation = generation;
    }

    public NotReadyException(string message, string advice, LumaFile file)
        : base(message)
    {
        Advice = advice;
        File = file;
    }

    /// <summary>What to do instead.</summary>
    public string Advice { get; }

    /// <summary>The generation as last read, when a generation is not ready.</summary>
    public Generation? Generation { get; }

    /// <summary>The file as last read, when an uploaded file is not ready.</summary>
    public LumaFile? File { get; }
}
