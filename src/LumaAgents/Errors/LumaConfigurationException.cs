namespace LumaAgents;

/// <summary>The client cannot be built from its options or environment, for example because no API key is set.</summary>
public sealed class LumaConfigurationException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which setting is wrong and how to set it.</param>
    public LumaConfigurationException(string message)
        : base(message)
    {
    }
}
