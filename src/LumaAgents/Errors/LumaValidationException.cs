namespace LumaAgents;

/// <summary>
/// A request (or an argument such as an id) breaks a documented API rule; found before anything was sent.
/// <see cref="Errors"/> lists every problem with its JSON path. Turn the request checks off with
/// <see cref="LumaClientOptions.ValidateRequests"/>. A <see cref="LumaException"/> like every other SDK error, so
/// one <c>catch (LumaException)</c> handles them all.
/// </summary>
public sealed class LumaValidationException : LumaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">Every problem found (at least one).</param>
    public LumaValidationException(IReadOnlyList<LumaValidationError> errors)
        : this(errors, "The request")
    {
    }

    /// <summary>Creates the exception with the subject its message starts with (<c>The generation request</c>).</summary>
    internal LumaValidationException(IReadOnlyList<LumaValidationError> errors, string subject)
        : base(BuildMessage(errors ?? throw new ArgumentNullException(nameof(errors)), subject))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, each with its JSON path.</summary>
    public IReadOnlyList<LumaValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<LumaValidationError> errors, string subject)
    {
        // One period at the very end: problems are joined by "; ", so a problem's own final period is dropped.
        var count = errors.Count == 1 ? "1 problem" : errors.Count + " problems";
        var problems = errors.Select(e => e is null ? "(null)" : e.Path + ": " + e.Message?.TrimEnd().TrimEnd('.'));
        return subject + " has " + count + ": " + string.Join("; ", problems) + ".";
    }
}
