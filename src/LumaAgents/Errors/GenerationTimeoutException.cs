using System.Globalization;

namespace LumaAgents;

/// <summary>
/// Waiting for a generation passed its deadline. The job itself goes on (there is no cancel): wait again later
/// with <see cref="GenerationId"/>.
/// </summary>
public sealed class GenerationTimeoutException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="generationId">The generation waited for.</param>
    /// <param name="lastKnown">The last state read, if any read succeeded.</param>
    /// <param name="elapsed">How long the wait lasted.</param>
    public GenerationTimeoutException(string generationId, Generation? lastKnown, TimeSpan elapsed)
        : this(generationId, lastKnown, elapsed, null)
    {
    }

    /// <summary>Creates the exception with the error that ended the last poll.</summary>
    /// <param name="generationId">The generation waited for.</param>
    /// <param name="lastKnown">The last state read, if any read succeeded.</param>
    /// <param name="elapsed">How long the wait lasted.</param>
    /// <param name="innerException">What the last poll ran into (a server that kept failing, a long retry hint), or null.</param>
    public GenerationTimeoutException(string generationId, Generation? lastKnown, TimeSpan elapsed, Exception? innerException)
        : base(
            $"Generation {generationId} was still {lastKnown?.State.Value ?? "unknown"} after waiting "
            + elapsed.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)
            + " s. It keeps running on the server; wait again later with WaitForCompletionAsync(id), or raise WaitOptions.Timeout.",
            innerException)
    {
        GenerationId = generationId;
        LastKnown = lastKnown;
        Elapsed = elapsed;
    }

    /// <summary>The generation waited for.</summary>
    public string GenerationId { get; }

    /// <summary>The last state read, if any read succeeded.</summary>
    public Generation? LastKnown { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Elapsed { get; }
}
