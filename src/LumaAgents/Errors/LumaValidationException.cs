namespace LumaAgents;

/// <summary>
/// A request breaks documented API rules; found before anything was sent. <see cref="Errors"/> lists every
/// problem with its JSON path. Turn client-side checks off with <see cref="LumaClientOptions.ValidateRequests"/>.
/// </summary>
public sealed class LumaValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">Every problem found (at least one).</param>
    public LumaValidationException(IReadOnlyList<LumaValidationError> errors)
        : base(BuildMessage(errors ?? throw new ArgumentNullException(nameof(errors))), "request")
    {
        Errors = errors;
    }

    /// <summary>Every problem found, each with its JSON path.</summary>
    public IReadOnlyList<LumaValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<LumaValidationError> errors)
    {
        var count = errors.Count == 1 ? "1 problem" : errors.Count + " problems";
        return $"The generation request has {count}: " + string.Join("; ", errors) + ".";
    }
}
