namespace LumaAgents;

/// <summary>No usable response arrived: the connection could not be made, or broke during the exchange.</summary>
public sealed class LumaConnectionException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying network error.</param>
    public LumaConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
